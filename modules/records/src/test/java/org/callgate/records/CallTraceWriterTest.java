package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.dossier.TraceRecording;
import org.callgate.core.ivr.IvrOutcome;
import org.callgate.core.ivr.IvrTrace;
import org.callgate.core.ivr.Route;
import org.callgate.core.ivr.SurveyAnswer;
import org.callgate.core.ivr.SurveyResult;
import org.callgate.core.recording.Recording;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace of every continued call (R1) goes from the SIP layer's call summary to the store and
 * the index, with the answer time and recording decision (product rule 4); survey answers become
 * records of their own (R10).
 */
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

        await().atMost(Duration.ofSeconds(60))
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

        await().atMost(Duration.ofSeconds(60))
                .until(() -> traces.pending() == 0 && traceIds().size() == 5);
        assertThat(traceIds()).containsExactlyInAnyOrder("call-0", "call-1", "call-2", "call-3", "call-4");
    }

    @Test
    void aCallRefusedBeforeTheIvrChoseLeavesNoTrace() {
        traces.callEnded(summary("refused", null));
        traces.callEnded(summary("routed", new Route("sip:q@q", "business", "fr", "fr>2", IvrOutcome.Reason.CHOICE)));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> traces.pending() == 0 && traceIds().size() == 1);
        assertThat(traceIds()).containsExactly("routed");
    }

    @Test
    void aTraceKeepsWhenTheAgentAnsweredAndTheRecordingDecisionWithItsReason() throws Exception {
        Instant answered = STARTED.plusSeconds(20);
        Recording failed =
                new Recording(true, Recording.Reason.BANKING_MIFID, Recording.BANKING_RECORDING, false).failed();
        traces.callEnded(withRecording(summary("banking-1", null), answered, failed));

        await().atMost(Duration.ofSeconds(60)).until(() -> traces.pending() == 0);
        CallTrace trace = new CallTraces(records.store)
                .between(STARTED, STARTED.plusSeconds(1))
                .getFirst();
        assertThat(trace.answered()).isEqualTo(answered);
        assertThat(trace.recording())
                .isEqualTo(new TraceRecording(false, "recorder-failed", Recording.BANKING_RECORDING));
        assertThat(trace.recording().recorderFailed()).isTrue();
    }

    @Test
    void aCallWhoseAgentQueueWasCalledLeavesATraceEvenUnansweredWithoutIvr() throws Exception {
        Recording banking = new Recording(true, Recording.Reason.BANKING_MIFID, Recording.BANKING_RECORDING, false);
        traces.callEnded(withRecording(summary("refused-unrecorded", null), null, banking.failed()));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> traces.pending() == 0 && traceIds().size() == 1);
        assertThat(traceIds()).containsExactly("refused-unrecorded");
    }

    @Test
    void aCallWithASurveyLeavesASurveyRecordOfClassSurveyKeptThreeYearsFromTheCallsStart() throws Exception {
        SurveyResult survey = new SurveyResult(
                "nl",
                List.of(new SurveyAnswer("survey-resolved", 4), new SurveyAnswer("survey-agent", null)),
                false,
                STARTED.plusSeconds(20),
                STARTED.plusSeconds(30));
        traces.callEnded(withSurvey(
                summary("surveyed", new Route("sip:q@q", "private", "nl", "nl>2", IvrOutcome.Reason.CHOICE)), survey));

        await().atMost(Duration.ofSeconds(60)).until(() -> traces.pending() == 0);
        ObjectKey key = ObjectKey.of("surveys/2026/11/26/surveyed.json");
        ObjectInfo stored = records.store.head(key).orElseThrow();
        assertThat(stored.retention().retentionClass()).isEqualTo("survey");
        assertThat(stored.retention().retainUntil()).isEqualTo(Instant.parse("2029-11-26T08:59:00Z"));
        JsonNode json;
        try (InputStream in = records.store.get(key)) {
            json = new ObjectMapper().readTree(in);
        }
        assertThat(json.get("service").asText()).isEqualTo("private");
        assertThat(json.get("consent").asBoolean()).isTrue();
        assertThat(json.get("completed").asBoolean()).isFalse();
        assertThat(json.get("answers").get(0).get("score").asInt()).isEqualTo(4);
        assertThat(json.get("answers").get(1).get("score").isNull()).isTrue();
    }

    private static CallSummary withRecording(CallSummary s, Instant answered, Recording recording) {
        return new CallSummary(
                s.callId(),
                s.serviceLine(),
                s.caller(),
                s.started(),
                answered,
                s.ended(),
                s.reason(),
                s.finalStatus(),
                null,
                null,
                s.route(),
                s.ivrTrace(),
                recording,
                null,
                null,
                "banking");
    }

    private static CallSummary withSurvey(CallSummary s, SurveyResult survey) {
        return new CallSummary(
                s.callId(),
                s.serviceLine(),
                s.caller(),
                s.started(),
                s.started().plusSeconds(5),
                s.ended(),
                EndReason.AGENT_HANGUP,
                200,
                null,
                null,
                s.route(),
                new IvrTrace(false, false, true),
                null,
                null,
                survey);
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
