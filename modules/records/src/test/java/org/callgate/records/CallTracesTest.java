package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.TraceRecording;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traces of an interval come from the store's day batches, whatever the index holds (R1, R8). */
class CallTracesTest {

    private static final Instant DAY_ONE = Instant.parse("2026-11-25T23:59:00Z");
    private static final Instant DAY_TWO = Instant.parse("2026-11-26T00:01:00Z");

    @TempDir
    Path dir;

    private RecordsFixture records;

    @BeforeEach
    void open() throws Exception {
        records = new RecordsFixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        records.close();
    }

    @Test
    void theTracesOfAnIntervalAcrossMidnightAreReadFromEachDaysBatchesAndNothingOutsideIt() throws Exception {
        records.writer.writeAll(
                List.of(),
                List.of(
                        trace("before", DAY_ONE.minusSeconds(1)),
                        trace("first", DAY_ONE),
                        trace("second", DAY_TWO),
                        trace("at-the-end", DAY_TWO.plusSeconds(60))));
        records.index.deleteAll(); // the index is behind: the store answers alone

        List<CallTrace> found = new CallTraces(records.store).between(DAY_ONE, DAY_TWO.plusSeconds(60));

        assertThat(found).extracting(CallTrace::callId).containsExactly("first", "second");
        assertThat(found.getFirst().recording())
                .isEqualTo(new TraceRecording(true, "banking-mifid", "banking-recording"));
        assertThat(found.getFirst().answered()).isEqualTo(DAY_ONE.plusSeconds(10));
    }

    @Test
    void aTraceWrittenBeforeTheAnswerAndDecisionWereKeptIsReadWithoutThem() throws Exception {
        String old = """
                {"callId":"old-1","caller":"+32475123456","serviceLine":"private","service":"banking",\
                "time":"2026-11-25T10:00:00Z","barcodes":[],"given":"","ivrPath":"1","smsOffered":false,\
                "smsTaken":false,"dossier":null,"retention":{"retentionClass":"trace",\
                "retainUntil":"2027-11-25T10:00:00Z","legalHold":false}}
                """;
        records.store.put(
                ObjectKey.of("traces/2026/11/25/old-1.jsonl"),
                old.getBytes(StandardCharsets.UTF_8),
                new ObjectAttributes(
                        "application/json",
                        new Retention("trace", Instant.parse("2027-11-25T10:00:00Z"), LockMode.NONE),
                        false,
                        Map.of()));

        CallTrace trace = new CallTraces(records.store)
                .between(Instant.parse("2026-11-25T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"))
                .getFirst();

        assertThat(trace.callId()).isEqualTo("old-1");
        assertThat(trace.service()).isEqualTo("banking");
        assertThat(trace.answered()).isNull();
        assertThat(trace.recording()).isNull();
    }

    private static CallTrace trace(String callId, Instant time) {
        return new CallTrace(
                callId,
                PhoneNumber.parse("0475 12 34 56"),
                "private",
                "banking",
                time,
                List.of(),
                "",
                "1",
                false,
                false,
                null,
                new RecordRetention("trace", time.plusSeconds(31_536_000), false),
                time.plusSeconds(10),
                new TraceRecording(true, "banking-mifid", "banking-recording"));
    }
}
