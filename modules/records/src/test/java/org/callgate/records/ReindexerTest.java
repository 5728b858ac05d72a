package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexerTest {

    @TempDir
    Path dir;

    private RecordsFixture records;
    private final SyntheticData data = new SyntheticData(11, RecordsFixture.NOW, TestProfiles.DEFAULT);

    @BeforeEach
    void open() throws Exception {
        records = new RecordsFixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        records.close();
    }

    @Test
    void aLostIndexIsRebuiltFromTheStoreWithEachDossiersLatestVersion() throws Exception {
        List<Dossier> dossiers = List.of(data.dossier(0), data.dossier(1), data.dossier(2));
        List<CallTrace> traces = List.of(data.trace(0, 3), data.trace(1, 3), data.trace(2, 3), data.trace(3, 3));
        records.writer.writeAll(dossiers, traces);
        records.writer.write(dossiers.get(1).linking(traces.get(0).callId(), RecordsFixture.NOW));
        storeRecordingMetadata();
        records.writer.close();
        records.index.close();

        records.open(dir.resolve("empty-index"));
        var counts = new Reindexer(records.store, records.index).rebuild();

        assertThat(counts).isEqualTo(new Reindexer.Counts(3, 4, 1));
        assertThat(records.index.dossierVersion(dossiers.get(1).number())).contains(2);
        assertThat(records.index
                        .search(SearchQuery.all()
                                .withCallId(traces.get(0).callId())
                                .only(RecordKind.DOSSIER))
                        .hits())
                .extracting(hit -> hit.id())
                .containsExactly(dossiers.get(1).number());
        assertThat(records.index
                        .search(SearchQuery.all()
                                .withPhone(PhoneNumber.parse("0475 11 22 33"))
                                .only(RecordKind.RECORDING))
                        .hits())
                .extracting(hit -> hit.id())
                .containsExactly("rec-1");
    }

    @Test
    void aLegalHoldSetInTheStoreSurvivesTheRebuildAndSparesTheRecordFromPurge() throws Exception {
        CallTrace held = data.trace(0, 0);
        CallTrace notHeld = data.trace(1, 0);
        ObjectKey heldKey = records.writer.write(held);
        records.writer.write(notHeld);
        records.store.setLegalHold(heldKey, true);

        new Reindexer(records.store, records.index).rebuild();
        Instant afterBoth =
                held.retention().retainUntil().isAfter(notHeld.retention().retainUntil())
                        ? held.retention().retainUntil()
                        : notHeld.retention().retainUntil();

        assertThat(records.index.deleteExpired(afterBoth)).isEqualTo(1);
        assertThat(records.index.count(RecordKind.TRACE)).isEqualTo(1);
        assertThat(records.index
                        .search(SearchQuery.all().withCallId(held.callId()))
                        .hits())
                .hasSize(1);
    }

    private void storeRecordingMetadata() throws Exception {
        String json = """
                {"callId":"rec-1","caller":"+32475112233","serviceLine":"+3222785044","service":"banking",
                 "start":"2026-11-20T10:00:00Z","durationMillis":61000,"decision":"recorded;reason=banking-mifid",
                 "retentionClass":"banking-recording","retainUntil":"2036-11-20T10:00:00Z","lockMode":"COMPLIANCE",
                 "audioKey":"recordings/2026/11/20/rec-1.wav","bytes":10,"sha256":"00","incomplete":false,
                 "dossier":null}""";
        records.store.put(
                ObjectKey.of("recordings/2026/11/20/rec-1.json"),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new ObjectAttributes(
                        "application/json",
                        new Retention("banking-recording", Instant.parse("2036-11-20T10:00:00Z"), LockMode.COMPLIANCE),
                        false,
                        Map.of()));
    }
}
