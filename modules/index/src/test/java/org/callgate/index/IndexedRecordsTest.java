package org.callgate.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the purge and legal holds read from the index: every due record with its store key, the
 * records a hold covers, and removals that really give the room back (R1, R19).
 */
class IndexedRecordsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final String CALLER = "+32475123456";

    @TempDir
    Path dir;

    private LuceneRecordIndex index;

    @BeforeEach
    void open() {
        index = LuceneRecordIndex.open(dir.resolve("index"));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static CallTrace trace(String callId, String caller, String dossier, Instant until, boolean held) {
        return new CallTrace(
                callId,
                PhoneNumber.parse(caller),
                "+3222785044",
                "parcels",
                T0,
                List.of(),
                "",
                "1",
                false,
                false,
                dossier,
                new RecordRetention("trace", until, held));
    }

    @Test
    void everyDueRecordIsHandedOverWithItsBatchKeyAndNoHeldOrLaterOne() {
        index.put(trace("due", CALLER, null, T0.plus(Duration.ofDays(1)), false), "traces/2026/11/26/due.jsonl");
        index.put(trace("held", CALLER, null, T0.plus(Duration.ofDays(1)), true), "traces/2026/11/26/due.jsonl");
        index.put(trace("later", CALLER, null, T0.plus(Duration.ofDays(500)), false), "traces/2026/11/26/x.jsonl");

        List<IndexedRecord> due = new ArrayList<>();
        index.forEachDue(T0.plus(Duration.ofDays(2)), due::add);

        assertThat(due)
                .containsExactly(new IndexedRecord(
                        RecordKind.TRACE,
                        "due",
                        "trace",
                        T0.plus(Duration.ofDays(1)),
                        false,
                        "traces/2026/11/26/due.jsonl"));
    }

    @Test
    void aHoldFindsARecordByItsDossierItsCallerOrItsCall() {
        index.put(trace("c1", CALLER, "D2026-000001", T0, false), "traces/a.jsonl");
        index.put(trace("c2", "+32478000000", "D2026-000001", T0, false), "traces/a.jsonl");
        index.put(trace("c3", CALLER, null, T0, false), "traces/b.jsonl");

        assertThat(index.linkedTo("D2026-000001")).extracting(IndexedRecord::id).containsExactlyInAnyOrder("c1", "c2");
        assertThat(index.ofCaller(PhoneNumber.parse("0475 12 34 56")))
                .extracting(IndexedRecord::id)
                .containsExactlyInAnyOrder("c1", "c3");
        assertThat(index.ofCall("c3"))
                .singleElement()
                .extracting(IndexedRecord::storeKey)
                .isEqualTo("traces/b.jsonl");
    }

    @Test
    void removedRecordsGiveTheirRoomBackOnceExpunged() {
        List<String> ids = IntStream.range(0, 2000).mapToObj(i -> "call-" + i).toList();
        ids.forEach(id -> index.put(trace(id, CALLER, null, T0, false), "traces/" + id + ".jsonl"));
        index.commit();
        long full = index.sizeOnDisk();

        index.delete(RecordKind.TRACE, ids.subList(0, 1900));
        index.expungeDeletes();

        assertThat(index.deletedDocuments()).isZero();
        assertThat(index.count(RecordKind.TRACE)).isEqualTo(100);
        assertThat(index.sizeOnDisk()).isLessThan(full / 2);
    }
}
