package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.callgate.core.recording.Recording;
import org.callgate.recording.RecordingKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code callgate compliance check} over real banking calls placed with SIPp (R8): a call whose
 * spool refuses its recording is listed {@code recorder-failed} and fails the check; a healthy one
 * is listed OK. The check runs as an officer runs it, on the configuration file, after callgate
 * stopped (the file store has one user at a time).
 */
@ExtendWith(SippRequired.class)
class ComplianceCheckTest {

    private static final String LINES = """
            prompts-dir: ${PROMPTS}
            service-lines:
              - {id: banking, name: Postinfo banking, number: 02 278 50 11, queue: "sip:banking@${AGENT}"}
            """;
    private static final String REFUSING = LINES + "recording:\n  on-failure: refuse\n";
    private static final String BANKING = "022785011";
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private GatewayFixture callgate;
    private final StringWriter out = new StringWriter();

    @AfterEach
    void stop() {
        if (callgate != null) {
            callgate.close();
        }
    }

    @Test
    void aBankingCallWhoseRecordingAFailingSpoolRefusedShowsInTheCheckAsRecorderFailedAndTheCheckFails()
            throws Exception {
        callgate = GatewayFixture.withLines(dir, LINES);
        spoolReplacedByAFile();

        CallSummary call = bankingCall("uac-short.xml");

        assertThat(call.recording().reason()).isEqualTo(Recording.Reason.RECORDER_FAILED);
        assertThat(call.answered())
                .as("on-failure continue: the call went through")
                .isNotNull();
        assertThat(callgate.gateway.recorderFailures()).isEqualTo(1);
        tracesWrittenThenStop();

        assertThat(check(call)).isEqualTo(1);
        assertThat(out.toString())
                .contains(call.callId() + " " + call.started() + " RECORDER-FAILED: the recorder failed to start")
                .contains("1 banking calls from")
                .contains("1 recorder-failed; INCOMPLETE");
    }

    @Test
    void underRefuseABankingCallWhoseSpoolFailsGets503AndTheCheckListsItAsRecorderFailed() throws Exception {
        callgate = GatewayFixture.withLines(dir, REFUSING);
        spoolReplacedByAFile();
        Path expect503 = dir.resolve("uac-expect-recording-unavailable.xml");
        Files.writeString(
                expect503,
                Files.readString(GatewayFixture.scenario("uac-expect-503.xml"))
                        .replace("Retry-After: [0-9]+", "SIP/2.0 503 Recording Unavailable")
                        .replace(
                                "<recv response=\"100\" optional=\"true\"/>",
                                "<recv response=\"100\" optional=\"true\"/>\n"
                                        + "  <recv response=\"180\" optional=\"true\"/>"));

        CallSummary call = bankingCall(expect503.toString());

        assertThat(call.reason()).isEqualTo(EndReason.RECORDER_FAILED);
        assertThat(call.finalStatus()).isEqualTo(503);
        tracesWrittenThenStop();

        assertThat(check(call)).isEqualTo(1);
        assertThat(out.toString())
                .contains(call.callId() + " " + call.started() + " RECORDER-FAILED")
                .contains("never joined");
    }

    @Test
    void aHealthyBankingCallIsListedOkAndTheCheckPasses() throws Exception {
        callgate = GatewayFixture.withLines(dir, LINES);

        CallSummary call = bankingCall("uac-short.xml");

        assertThat(call.recording().reason()).isEqualTo(Recording.Reason.BANKING_MIFID);
        RecordingKeys keys = RecordingKeys.of(call.callId(), call.answered());
        await().atMost(LIMIT)
                .until(() ->
                        callgate.gateway.recordingStore().head(keys.metadata()).isPresent()
                                && callgate.gateway.pendingUploads() == 0);
        tracesWrittenThenStop();

        assertThat(check(call)).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains(call.callId() + " " + call.started() + " OK")
                .contains("1 ok; COMPLETE");
    }

    @Test
    void aDateThatIsNoDateIsABadArgumentWithAOneLineReason() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new Main())
                .setErr(new PrintWriter(err))
                .execute("compliance", "check", "--from", "yesterday", "--to", "2026-11-25");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("callgate: --from 'yesterday': not a date (2026-11-25) or an instant"
                        + " (2026-11-25T10:00:00Z)");
    }

    /** The spool directory gone and a file in its place: every recording's spool entry fails. */
    private void spoolReplacedByAFile() throws Exception {
        Path spool = dir.resolve("spool");
        Files.delete(spool.resolve(".free")); // the empty pool of recycled entry files
        Files.delete(spool);
        Files.writeString(spool, "not a directory");
    }

    /** One banking call from a SIPp caller playing {@code scenario} to a SIPp agent that echoes. */
    private CallSummary bankingCall(String scenario) throws Exception {
        Path caller = scenario.contains("/") ? Path.of(scenario) : GatewayFixture.scenario(scenario);
        try (Sipp agent = callgate.agent("uas-answer.xml")
                        .calls(1)
                        .arg("-rtp_echo")
                        .start();
                Sipp uac = Sipp.scenario(caller)
                        .remote("127.0.0.1:" + callgate.sipPort)
                        .localPort(FreePorts.udpAndTcp())
                        .mediaPort(callgate.mediaPort())
                        .service(BANKING)
                        .calls(1)
                        .arg("-d", "500")
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start()) {
            SippResult result = uac.await(LIMIT);
            assertThat(result.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", result, agent.output())
                    .isTrue();
        }
        return callgate.nextEndedCall();
    }

    /** Waits until the trace writer has stored every trace, then stops callgate. */
    private void tracesWrittenThenStop() {
        await().atMost(LIMIT).until(() -> callgate.gateway.pendingTraces() == 0);
        callgate.close();
        callgate = null;
    }

    private int check(CallSummary call) {
        return new CommandLine(new Main())
                .setOut(new PrintWriter(out, true))
                .execute(
                        "compliance",
                        "check",
                        "--from",
                        call.started().minusSeconds(60).toString(),
                        "--to",
                        call.ended().plusSeconds(60).toString(),
                        "--config",
                        dir.resolve("callgate.yaml").toString());
    }
}
