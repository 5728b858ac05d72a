package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.RecordingIndexer;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectKey;
import org.callgate.store.StoreException;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordWriterTest {

    @TempDir
    Path dir;

    private RecordsFixture records;
    private final SyntheticData data = new SyntheticData(7, RecordsFixture.NOW, TestProfiles.DEFAULT);

    @BeforeEach
    void open() throws Exception {
        records = new RecordsFixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        records.close();
    }

    private List<String> ids(SearchQuery query) {
        records.index.refresh();
        return records.index.search(query.page(0, 200)).hits().stream()
                .map(SearchHit::id)
                .toList();
    }

    @Test
    void aRecordIsInTheStoreWithItsRetentionBeforeItIsInTheIndex() throws Exception {
        Dossier banking = firstOfService("banking");
        CallTrace trace = data.trace(1, 0);

        ObjectKey dossierKey = records.writer.write(banking);
        ObjectKey traceKey = records.writer.write(trace);

        var stored = records.store.head(dossierKey).orElseThrow();
        assertThat(dossierKey.value()).isEqualTo("dossiers/" + banking.number() + "/v000001.json");
        assertThat(stored.retention().retentionClass()).isEqualTo("banking-dossier");
        assertThat(stored.retention().retainUntil())
                .isEqualTo(banking.retention().retainUntil());
        assertThat(stored.retention().mode()).isEqualTo(LockMode.COMPLIANCE);
        assertThat(records.store.head(traceKey).orElseThrow().retention().mode())
                .isEqualTo(LockMode.NONE);
        assertThat(RecordJson.dossier(new StoredRecords(records.store, records.index).read(dossierKey)))
                .isEqualTo(banking);
        assertThat(ids(SearchQuery.all().withDossier(banking.number()))).containsExactly(banking.number());
        assertThat(ids(SearchQuery.all().withCallId(trace.callId()))).containsExactly(trace.callId());
    }

    @Test
    void recordsIndexedAfterTheLastCommitAreIndexedAgainFromTheStoreAfterACrash() throws Exception {
        records.writer.writeAll(List.of(data.dossier(0), data.dossier(1)), List.of());
        records.writer.checkpoint();
        records.writer.writeAll(List.of(data.dossier(2)), List.of(data.trace(0, 3), data.trace(1, 3)));

        records.crashAndRestart();
        assertThat(records.index.count(RecordKind.DOSSIER)).isEqualTo(2);
        assertThat(records.index.count(RecordKind.TRACE)).isZero();

        assertThat(records.writer.recover()).isEqualTo(3);
        records.index.refresh();
        assertThat(records.index.count(RecordKind.DOSSIER)).isEqualTo(3);
        assertThat(records.index.count(RecordKind.TRACE)).isEqualTo(2);
        assertThat(ids(SearchQuery.all().withDossier(data.dossier(2).number()).only(RecordKind.DOSSIER)))
                .containsExactly(data.dossier(2).number());
    }

    @Test
    void aJournalKeyWhoseRecordNeverReachedTheStoreIsSkipped() throws Exception {
        new IndexJournal(dir.resolve("journal")).append(List.of(ObjectKey.of("traces/2026/11/26/never.json")));

        assertThat(records.writer.recover()).isZero();
        records.index.refresh();
        assertThat(records.index.count(RecordKind.TRACE)).isZero();
    }

    @Test
    void writingARecordAgainWithTheSameBytesIsARetryAndOtherBytesAreRefused() throws Exception {
        CallTrace trace = data.trace(5, 0);
        records.writer.write(trace);

        records.writer.write(trace);
        CallTrace other = new CallTrace(
                trace.callId(),
                trace.caller(),
                trace.serviceLine(),
                trace.service(),
                trace.time(),
                List.of("CD000000000BE"),
                trace.given(),
                trace.ivrPath(),
                trace.smsOffered(),
                trace.smsTaken(),
                trace.dossier(),
                trace.retention());

        assertThatThrownBy(() -> records.writer.write(other))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not overwritten");
        assertThat(RecordJson.traces(
                        new StoredRecords(records.store, records.index).read(RecordKeys.traceBatch(trace))))
                .containsExactly(trace);
    }

    @Test
    void tracesAreStoredInBatchesOfOneDayKeptUntilTheLastOfThemIsDue() throws Exception {
        Instant day = Instant.parse("2026-11-20T10:00:00Z");
        List<CallTrace> traces =
                List.of(traceAt("a", day), traceAt("b", day.plusSeconds(5)), traceAt("c", day.plusSeconds(86_400)));

        records.writer.writeAll(List.of(), traces);

        assertThat(records.store.list("traces/"))
                .containsExactly(ObjectKey.of("traces/2026/11/20/a.jsonl"), ObjectKey.of("traces/2026/11/21/c.jsonl"));
        var first =
                records.store.head(ObjectKey.of("traces/2026/11/20/a.jsonl")).orElseThrow();
        assertThat(first.retention().retentionClass()).isEqualTo("trace");
        assertThat(first.retention().retainUntil()).isEqualTo(Instant.parse("2027-11-20T10:00:05Z"));
        assertThat(ids(SearchQuery.all().only(RecordKind.TRACE))).containsExactlyInAnyOrder("a", "b", "c");
    }

    private static CallTrace traceAt(String callId, Instant time) {
        return new CallTrace(
                callId,
                null,
                "+3222785044",
                "parcels",
                time,
                List.of(),
                "",
                "",
                false,
                false,
                null,
                new RecordRetention(
                        "trace",
                        TestProfiles.DEFAULT.retentionFor("trace", time).retainUntil(),
                        false));
    }

    @Test
    void aBatchOfTracesACrashCutOffBeforeTheStoreIsStoredAndIndexedAtTheNextStart() throws Exception {
        List<CallTrace> traces = List.of(
                traceAt("x", Instant.parse("2026-11-20T10:00:00Z")),
                traceAt("y", Instant.parse("2026-11-20T10:00:01Z")));
        ObjectKey key = RecordKeys.traceBatch(traces.getFirst());
        new IndexJournal(dir.resolve("journal")).hold(key, RecordJson.traceLines(traces)); // then the crash

        assertThat(records.store.head(key)).isEmpty();
        records.writer.recover();

        assertThat(records.store.head(key)).isPresent();
        assertThat(ids(SearchQuery.all().only(RecordKind.TRACE))).containsExactlyInAnyOrder("x", "y");
        assertThat(new IndexJournal(dir.resolve("journal")).held()).isEmpty();
    }

    @Test
    void aStoredBatchIsNoLongerHeld() throws Exception {
        records.writer.writeAll(List.of(), List.of(traceAt("z", Instant.parse("2026-11-20T10:00:00Z"))));

        assertThat(new IndexJournal(dir.resolve("journal")).held()).isEmpty();
    }

    @Test
    void afterACheckpointTheJournalNamesNothing() throws Exception {
        records.writer.write(data.trace(0, 0));
        records.writer.checkpoint();

        assertThat(new IndexJournal(dir.resolve("journal")).keys()).isEmpty();
    }

    @Test
    void recordingsIndexedTogetherAreFindableAndJournalled() throws Exception {
        List<RecordingIndexer.Stored> stored = List.of(recording("rec-1"), recording("rec-2"), recording("rec-3"));

        records.writer.indexStored(stored);

        assertThat(ids(SearchQuery.all().withCallId("rec-2"))).containsExactly("rec-2");
        assertThat(records.index.count(RecordKind.RECORDING)).isEqualTo(3);
        assertThat(new IndexJournal(dir.resolve("journal")).keys())
                .extracting(ObjectKey::value)
                .containsExactly("recordings/rec-1.json", "recordings/rec-2.json", "recordings/rec-3.json");
    }

    private static RecordingIndexer.Stored recording(String callId) {
        return new RecordingIndexer.Stored(
                "recordings/" + callId + ".json",
                new RecordingRef(
                        callId,
                        "recordings/" + callId + ".wav",
                        null,
                        "parcels",
                        RecordsFixture.NOW,
                        1000,
                        false,
                        null,
                        new RecordRetention("recording", RecordsFixture.NOW.plusSeconds(86_400), false)));
    }

    private Dossier firstOfService(String service) {
        for (int i = 0; ; i++) {
            if (data.dossier(i).service().equals(service)) {
                return data.dossier(i);
            }
        }
    }
}
