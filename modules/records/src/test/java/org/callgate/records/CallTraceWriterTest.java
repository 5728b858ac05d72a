package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.ivr.IvrOutcome;
import org.callgate.core.ivr.Route;
import org.callgate.store.ObjectKey;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace of every continued call (R1) goes from the SIP layer's call summary to the store and the index. */
class CallTraceWriterTest {

    private static final Instant STARTED = RecordsFixture.NOW.minusSeconds(60);

    @TempDir
    Path dir;

    private RecordsFixture records;
    private CallTraceWriter traces;

    @BeforeEach
    void open() throws Exception {
        records = new RecordsFixture(dir);
        traces = new CallTraceWriter(records.writer, TestProfiles.DEFAULT);
    }

    @AfterEach
    void close() throws Exception {
        traces.close();
        records.close();
    }

    @Test
    void aRoutedCallLeavesATraceKeptOneYearWithItsServiceIvrPathAndDossier() throws Exception {
        traces.callEnded(summary(
                "call-1",
                new Route("sip:banking@q", "banking", "nl", "nl>1", IvrOutcome.Reason.CHOICE, "D2026-000007")));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> traces.pending() == 0 && traceIds().size() == 1);
        SearchHit hit = records.index
                .search(SearchQuery.all().withCallId("call-1"))
                .hits()
                .getFirst();
        assertThat(hit.service()).isEqualTo("banking");
        assertThat(hit.dossier()).isEqualTo("D2026-000007");
        assertThat(hit.phones()).contains("+32475123456");
        assertThat(hit.retention().retentionClass()).isEqualTo("trace");
        assertThat(hit.retention().retainUntil()).isEqualTo(Instant.parse("2027-11-26T08:59:00Z"));
        List<ObjectKey> batches = records.store.list(RecordKeys.TRACES);
        assertThat(batches).hasSize(1);
        try (InputStream in = records.store.get(batches.getFirst())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"ivrPath\":\"nl>1\"");
        }
    }

    @Test
    void everyCallThatEndsGetsItsTraceStoredAndIndexed() {
        for (int i = 0; i < 5; i++) {
            traces.callEnded(
                    summary("call-" + i, new Route("sip:q@q", "business", "fr", "fr>2", IvrOutcome.Reason.CHOICE)));
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> traces.pending() == 0 && traceIds().size() == 5);
        assertThat(traceIds()).containsExactlyInAnyOrder("call-0", "call-1", "call-2", "call-3", "call-4");
    }

    @Test
    void aCallRefusedBeforeTheIvrChoseLeavesNoTrace() {
        traces.callEnded(summary("refused", null));
        traces.callEnded(summary("routed", new Route("sip:q@q", "business", "fr", "fr>2", IvrOutcome.Reason.CHOICE)));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> traces.pending() == 0 && traceIds().size() == 1);
        assertThat(traceIds()).containsExactly("routed");
    }

    private List<String> traceIds() {
        records.index.refresh();
        return records.index.search(SearchQuery.all().only(RecordKind.TRACE).page(0, 50)).hits().stream()
                .map(SearchHit::id)
                .toList();
    }

    private static CallSummary summary(String callId, Route route) {
        return new CallSummary(
                callId,
                "private",
                "+32475123456",
                STARTED,
                null,
                STARTED.plusSeconds(30),
                EndReason.CALLER_HANGUP,
                200,
                null,
                null,
                route,
                null,
                null,
                null,
                null);
    }
}
