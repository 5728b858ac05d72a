package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.callgate.core.call.QueueFallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caller can always reach a person (R15): when the queue the IVR chose refuses the call, it
 * goes once to the line's default queue; only when that fails too does the caller get BYE.
 */
@ExtendWith(SippRequired.class)
class QueueFallbackTest {

    /**
     * Options 1 and 2 lead to queues of their own (a SIPp peer on {@code ${BUSY}}), the line's
     * queue is {@code ${AGENT}}. Option 2's announcement, heard in full, keeps the IVR going until
     * the caller's scenario waits for BYE.
     */
    private static final String LINES = """
            prompts-dir: ${PROMPTS}
            service-lines:
              - id: private
                name: Private customers
                number: 02 278 50 44
                queue: "sip:private@${AGENT}"
                ivr:
                  languages: [nl]
                  greeting: welcome-private
                  no-input: 1s
                  retries: 0
                  menu:
                    prompt: menu-private
                    options:
                      "1": {queue: "sip:banking@${BUSY}", service: banking}
                      "2": {queue: "sip:parcels@${BUSY}", announcement: welcome-private}
            """;

    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** {@code calls.no-answer-timeout}: short, for the queue that only rings. */
    private static final String NO_ANSWER = "3s";

    @TempDir
    Path dir;

    private int busyPort;
    private GatewayFixture callgate;

    @BeforeEach
    void start() throws Exception {
        busyPort = FreePorts.udpAndTcp();
        callgate = GatewayFixture.withLines(dir, LINES.replace("${BUSY}", "127.0.0.1:" + busyPort), NO_ANSWER);
    }

    @AfterEach
    void stop() {
        callgate.close();
    }

    @Test
    void aBusyQueueChosenInTheIvrFallsBackToTheLinesDefaultQueueWithTheSameHeaders() throws Exception {
        Path defaultQueue = IvrScenarios.agentExpecting(
                dir,
                "default-queue",
                Map.of(
                        "X-Callgate-Service", "banking",
                        "X-Callgate-Ivr-Path", "1",
                        "X-Callgate-Recording", "yes;reason=banking-mifid;class=banking-recording",
                        "X-Callgate-Fallback-From", ".sip:banking@127.0.0.1:" + busyPort + ".;status=486"));
        try (Sipp busy = busyQueue();
                Sipp agent = Sipp.scenario(defaultQueue)
                        .localPort(callgate.agentPort)
                        .mediaPort(callgate.mediaPort())
                        .calls(1)
                        .arg("-rtp_echo", "-d", "1500")
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start();
                Sipp caller = optionOneCaller()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", call, agent.output())
                    .isTrue();
            assertThat(busy.await(LIMIT).allCallsSucceeded())
                    .as("busy queue: %s", busy.output())
                    .isTrue();
            assertThat(agent.await(LIMIT).allCallsSucceeded())
                    .as("default queue: %s", agent.output())
                    .isTrue();
        }
        CallSummary summary = callgate.nextEndedCall();

        assertThat(summary.reason()).isEqualTo(EndReason.AGENT_HANGUP);
        assertThat(summary.wasAnswered()).isTrue();
        assertThat(summary.fallback())
                .isEqualTo(new QueueFallback(
                        "sip:banking@127.0.0.1:" + busyPort, 486, "sip:private@127.0.0.1:" + callgate.agentPort));
        assertThat(summary.agentLeg().packetsIn())
                .as("the default queue's audio reached callgate")
                .isGreaterThan(20);
        assertThat(summary.service()).as("still the banking service's call").isEqualTo("banking");
    }

    @Test
    void aQueueThatRingsPastTheNoAnswerTimeoutIsCancelledAndTheCallGoesToTheDefaultQueue() throws Exception {
        try (Sipp ringing = Sipp.scenario(GatewayFixture.scenario("uas-ring-cancel.xml"))
                        .localPort(busyPort)
                        .calls(1)
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start();
                Sipp agent = callgate.agent("uas-answer.xml")
                        .calls(1)
                        .arg("-rtp_echo", "-d", "1500")
                        .start();
                Sipp caller = optionOneCaller()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", call, agent.output())
                    .isTrue();
            assertThat(ringing.await(LIMIT).allCallsSucceeded())
                    .as("ringing queue got CANCEL: %s", ringing.output())
                    .isTrue();
            assertThat(agent.await(LIMIT).allCallsSucceeded())
                    .as("default queue: %s", agent.output())
                    .isTrue();
        }
        CallSummary summary = callgate.nextEndedCall();

        assertThat(summary.wasAnswered()).isTrue();
        assertThat(summary.fallback())
                .isEqualTo(new QueueFallback(
                        "sip:banking@127.0.0.1:" + busyPort, 480, "sip:private@127.0.0.1:" + callgate.agentPort));
        assertThat(summary.agentLeg().packetsIn())
                .as("the default queue's audio reached callgate")
                .isGreaterThan(20);
    }

    @Test
    void whenTheDefaultQueueIsBusyTooTheCallerGetsByeAfterOneFallback() throws Exception {
        try (Sipp busy = busyQueue();
                Sipp alsoBusy = Sipp.scenario(GatewayFixture.scenario("uas-busy.xml"))
                        .localPort(callgate.agentPort)
                        .calls(1)
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start();
                Sipp caller = Sipp.scenario(
                                new IvrScenarios().pause(500).rfc4733('2').caller(dir, "option-two-caller"))
                        .remote("127.0.0.1:" + callgate.sipPort)
                        .localPort(FreePorts.udpAndTcp())
                        .mediaPort(callgate.mediaPort())
                        .service("022785044")
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded()).as("caller got BYE: %s", call).isTrue();
            assertThat(busy.await(LIMIT).allCallsSucceeded())
                    .as("%s", busy.output())
                    .isTrue();
            assertThat(alsoBusy.await(LIMIT).allCallsSucceeded())
                    .as("%s", alsoBusy.output())
                    .isTrue();
        }
        CallSummary summary = callgate.nextEndedCall();

        assertThat(summary.reason()).isEqualTo(EndReason.AGENT_REJECTED);
        assertThat(summary.wasAnswered()).isFalse();
        assertThat(summary.fallback()).isNotNull();
        assertThat(summary.fallback().queue()).isEqualTo("sip:private@127.0.0.1:" + callgate.agentPort);
    }

    @Test
    void aFailingDefaultQueueIsNotTriedTwice() throws Exception {
        try (Sipp busyDefault = Sipp.scenario(GatewayFixture.scenario("uas-busy.xml"))
                        .localPort(callgate.agentPort)
                        .calls(1)
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start();
                Sipp caller = Sipp.scenario(new IvrScenarios().caller(dir, "silent-caller"))
                        .remote("127.0.0.1:" + callgate.sipPort)
                        .localPort(FreePorts.udpAndTcp())
                        .mediaPort(callgate.mediaPort())
                        .service("022785044")
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded()).as("caller got BYE: %s", call).isTrue();
            assertThat(busyDefault.await(LIMIT).allCallsSucceeded())
                    .as("%s", busyDefault.output())
                    .isTrue();
        }
        CallSummary summary = callgate.nextEndedCall();

        assertThat(summary.reason()).isEqualTo(EndReason.AGENT_REJECTED);
        assertThat(summary.route().queueUri()).isEqualTo("sip:private@127.0.0.1:" + callgate.agentPort);
        assertThat(summary.fallback()).isNull();
    }

    private Sipp busyQueue() {
        return Sipp.scenario(GatewayFixture.scenario("uas-busy.xml"))
                .localPort(busyPort)
                .calls(1)
                .workDir(dir)
                .timeout(LIMIT)
                .start();
    }

    /** A caller who presses 1 (the banking queue), then talks: 7 s of speech for the agent to echo. */
    private Sipp optionOneCaller() throws Exception {
        return Sipp.scenario(new IvrScenarios().pause(500).rfc4733('1').audio().caller(dir, "option-one-caller"))
                .remote("127.0.0.1:" + callgate.sipPort)
                .localPort(FreePorts.udpAndTcp())
                .mediaPort(callgate.mediaPort())
                .service("022785044")
                .workDir(dir)
                .timeout(LIMIT)
                .start();
    }
}
