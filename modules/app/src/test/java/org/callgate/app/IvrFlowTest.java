package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.ivr.IvrOutcome.Reason;
import org.callgate.core.ivr.Route;
import org.callgate.core.recording.Recording;
import org.callgate.core.recording.RecordingDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callers in the IVR: keys by RFC 4733 and by SIP INFO, no input, and what the agent side is told,
 * including the recording decision (R7, R8, R15).
 */
@ExtendWith(SippRequired.class)
class IvrFlowTest {

    /** The sampling key of {@link #LINES}: what an auditor would be given. */
    static final String SAMPLING_KEY = "ivr-flow-test-key";

    static final String LINES = """
            prompts-dir: ${PROMPTS}
            recording:
              sample-rate: 0.5
              sampling-key: ivr-flow-test-key
              banking-services: [banking]
            sms:
              sender: outbox
              outbox: ${DIR}/sms-outbox.jsonl
            outbound:
              trunk: "sip:trunk@${AGENT}"
              allowed-sources: [127.0.0.1]
            service-lines:
              - id: private
                name: Private customers
                number: 02 278 50 44
                queue: "sip:private@${AGENT}"
                ivr:
                  languages: [nl, fr, en]
                  language-prompt: language
                  greeting: welcome-private
                  no-input: 1s
                  retries: 0
                  menu:
                    prompt: menu-private
                    options:
                      "1": {queue: "sip:banking@${AGENT}", service: banking, announcement: banking-recorded}
                      "2": {queue: "sip:parcels@${AGENT}"}
                      "0": {action: agent}
              - id: business
                name: Business customers
                number: 02 201 11 11
                queue: "sip:business@${AGENT}"
                ivr:
                  languages: [nl]
                  greeting: welcome-business
                  no-input: 1s
                  retries: 0
                  sms-offer:
                    key: "9"
                    prompt: sms-offer
                    sent-prompt: sms-sent
                    text: "Track your parcel at https://track.example.be"
                  menu:
                    prompt: language
                    options:
                      "1": {queue: "sip:business-parcels@${AGENT}"}
            """;

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private GatewayFixture callgate;

    @BeforeEach
    void start() throws Exception {
        callgate = GatewayFixture.withLines(dir, LINES);
    }

    @AfterEach
    void stop() {
        callgate.close();
    }

    @Test
    void dutchThenOptionOneByRfc4733ReachesTheBankingQueueAsTheBankingService() throws Exception {
        Path caller = new IvrScenarios().pause(500).rfc4733('1').rfc4733('1').caller(dir, "banking-caller");
        Path agent = IvrScenarios.agentExpecting(
                dir,
                "banking-agent",
                Map.of(
                        "X-Callgate-Service",
                        "banking",
                        "X-Callgate-Language",
                        "nl",
                        "X-Callgate-Ivr-Path",
                        "1",
                        "X-Callgate-Recording",
                        "yes;reason=banking-mifid;class=banking-recording"));

        CallSummary summary = call(caller, agent, "022785044");

        assertThat(summary.route())
                .isEqualTo(
                        new Route("sip:banking@127.0.0.1:" + callgate.agentPort, "banking", "nl", "1", Reason.CHOICE));
        assertThat(summary.recording())
                .isEqualTo(new Recording(true, Recording.Reason.BANKING_MIFID, "banking-recording", false));
    }

    /**
     * A caller holds the IVR for 8 s during the language question (asked in three languages, 6.8
     * s, then 1 s of no-input wait, no retry): had the prompt run on, the question would have
     * timed out to Dutch during the hold. It pauses instead, so after the resume the caller still
     * chooses French, then option 1. The hold is a re-INVITE, the resume an UPDATE (RFC 3311).
     */
    @Test
    void aCallerWhoPutsTheIvrOnHoldAndResumesThenPicksAnOptionAndReachesTheAgent() throws Exception {
        Path caller = new IvrScenarios()
                .pause(300)
                .offer("INVITE", "sendonly", "recvonly")
                .pause(8000)
                .offer("UPDATE", "sendrecv", "sendrecv")
                .rfc4733('2')
                .rfc4733('1')
                .caller(dir, "holding-caller");
        Path agent = IvrScenarios.agentExpecting(
                dir, "holding-agent", Map.of("X-Callgate-Service", "banking", "X-Callgate-Language", "fr"));

        CallSummary summary = call(caller, agent, "022785044");

        assertThat(summary.route())
                .as("chosen after the hold, not timed out during it")
                .isEqualTo(
                        new Route("sip:banking@127.0.0.1:" + callgate.agentPort, "banking", "fr", "1", Reason.CHOICE));
    }

    @Test
    void aNonBankingCallCarriesTheRecordingDecisionAnAuditorReproducesFromItsCallId() throws Exception {
        Path caller = new IvrScenarios().pause(500).rfc4733('1').rfc4733('2').caller(dir, "sampled-caller");
        Path agent = IvrScenarios.agentExpecting(
                dir,
                "sampled-agent",
                Map.of(
                        "X-Callgate-Service",
                        "private",
                        "X-Callgate-Recording",
                        "(yes;reason=sampled;class=recording|no;reason=not-sampled)"));
        Path messages = dir.resolve("sampled-agent-messages.log");

        CallSummary summary = call(caller, agent, "022785044", "-trace_msg", "-message_file", messages.toString());

        Recording expected = new RecordingDecision(0.5, SAMPLING_KEY, Set.of("banking"))
                .decide(summary.callId(), "private", false, null);
        String invite = Files.readString(messages);
        assertThat(invite)
                .contains("X-Callgate-Call-Id: " + summary.callId())
                .contains("X-Callgate-Recording: " + expected.headerValue());
        assertThat(summary.recording()).isEqualTo(expected);
    }

    @Test
    void frenchThenOptionTwoBySipInfoReachesThePrivateQueue() throws Exception {
        Path caller = new IvrScenarios().pause(300).info('2').info('2').caller(dir, "info-caller");
        Path agent = IvrScenarios.agentExpecting(
                dir,
                "parcels-agent",
                Map.of("X-Callgate-Service", "private", "X-Callgate-Language", "fr", "X-Callgate-Ivr-Path", "2"));

        Route route = call(caller, agent, "+3222785044").route();

        assertThat(route.queueUri()).isEqualTo("sip:parcels@127.0.0.1:" + callgate.agentPort);
        assertThat(route.language()).isEqualTo("fr");
    }

    @Test
    void aCallerWhoPressesNothingStillReachesAnAgent() throws Exception {
        Path caller = new IvrScenarios().caller(dir, "silent-caller");
        Path agent = IvrScenarios.agentExpecting(dir, "default-agent", Map.of("X-Callgate-Service", "business"));

        Route route = call(caller, agent, "022011111").route();

        assertThat(route)
                .isEqualTo(new Route(
                        "sip:business@127.0.0.1:" + callgate.agentPort, "business", "nl", "", Reason.NO_INPUT));
    }

    private CallSummary call(Path callerScenario, Path agentScenario, String dialled, String... agentArgs)
            throws Exception {
        try (Sipp agent = Sipp.scenario(agentScenario)
                        .localPort(callgate.agentPort)
                        .mediaPort(callgate.mediaPort())
                        .calls(1)
                        .arg("-rtp_echo", "-d", "1000")
                        .arg(agentArgs)
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start();
                Sipp caller = Sipp.scenario(callerScenario)
                        .remote("127.0.0.1:" + callgate.sipPort)
                        .localPort(FreePorts.udpAndTcp())
                        .mediaPort(callgate.mediaPort())
                        .service(dialled)
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", call, agent.output())
                    .isTrue();
            assertThat(agent.await(LIMIT).allCallsSucceeded())
                    .as("agent: %s", agent.output())
                    .isTrue();
        }
        CallSummary summary = callgate.nextEndedCall();
        assertThat(summary.wasAnswered()).isTrue();
        assertThat(summary.service()).isEqualTo(summary.route().service());
        return summary;
    }
}
