package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.callgate.app.config.RecordingConfig;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real calls through callgate: SIPp as the caller, SIPp as the agent queue, RTP both ways; every
 * scenario over UDP and again over TCP on both legs (the queues then carry {@code
 * ;transport=tcp}, RFC 3261 §18).
 */
@ExtendWith(SippRequired.class)
@ParameterizedClass(name = "over {0}")
@ValueSource(strings = {"udp", "tcp"})
class CallFlowTest {

    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Parameter
    String transport;

    @TempDir
    Path dir;

    private GatewayFixture callgate;

    @BeforeEach
    void start() throws Exception {
        String queueTransport = "tcp".equals(transport) ? ";transport=tcp" : "";
        callgate = GatewayFixture.withLines(dir, """
                service-lines:
                  - {id: private, name: Private customers, number: 02 278 50 44, queue: "sip:private@${AGENT}%1$s"}
                  - {id: business, name: Business customers, number: 02 201 11 11, queue: "sip:business@${AGENT}%1$s"}
                prompts-dir: ${PROMPTS}
                """.formatted(queueTransport));
    }

    /** A SIPp agent queue on this run's transport. */
    private Sipp.Builder agent(String scenario) {
        Sipp.Builder agent = callgate.agent(scenario);
        return "tcp".equals(transport) ? agent.tcp() : agent;
    }

    /** A SIPp caller on this run's transport. */
    private Sipp.Builder caller(String scenario, String dialled) {
        Sipp.Builder caller = callgate.caller(scenario, dialled);
        return "tcp".equals(transport) ? caller.tcp() : caller;
    }

    @AfterEach
    void stop() {
        callgate.close();
    }

    @Test
    void aCallReachesTheAgentQueueWithRtpBothWaysAndEndsWithTheCallersBye() throws Exception {
        try (Sipp agent = agent("uas-answer.xml").calls(1).arg("-rtp_echo").start();
                Sipp caller =
                        caller("uac-call.xml", "022785044").arg("-d", "2000").start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", call, agent.output())
                    .isTrue();
            assertThat(agent.await(LIMIT).allCallsSucceeded())
                    .as("%s", agent.output())
                    .isTrue();
        }
        CallSummary summary = callgate.nextEndedCall();

        assertThat(summary.serviceLine()).isEqualTo("private");
        assertThat(summary.caller()).isEqualTo("+32475123456");
        assertThat(summary.recording())
                .as("a line without IVR is decided at once, by the default sample (R7)")
                .isEqualTo(RecordingConfig.defaults().toDecision().decide(summary.callId(), "private", false, null));
        assertThat(summary.finalStatus()).isEqualTo(200);
        assertThat(summary.reason()).isEqualTo(EndReason.CALLER_HANGUP);
        assertThat(summary.conversation()).isBetween(Duration.ofMillis(1800), Duration.ofSeconds(5));
        // 2 s of audio (the pcap holds ~33 packets/s) from the caller, relayed to the agent, echoed, relayed back.
        assertThat(summary.callerLeg().packetsIn()).as("caller → callgate").isGreaterThan(40);
        assertThat(summary.agentLeg().packetsOut()).as("callgate → agent").isGreaterThan(40);
        assertThat(summary.agentLeg().packetsIn())
                .as("agent echo → callgate: audio reached the agent")
                .isGreaterThan(40);
        assertThat(summary.callerLeg().packetsOut()).as("callgate → caller").isGreaterThan(40);
        assertNothingLeaked();
    }

    @Test
    void theAgentCanHangUpAndTheCallerGetsTheBye() throws Exception {
        try (Sipp agent = agent("uas-hangup.xml")
                        .calls(1)
                        .arg("-rtp_echo", "-d", "1500")
                        .start();
                Sipp caller = caller("uac-wait-bye.xml", "+3222011111").start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", call, agent.output())
                    .isTrue();
            assertThat(agent.await(LIMIT).allCallsSucceeded())
                    .as("%s", agent.output())
                    .isTrue();
        }
        CallSummary summary = callgate.nextEndedCall();

        assertThat(summary.serviceLine()).isEqualTo("business");
        assertThat(summary.reason()).isEqualTo(EndReason.AGENT_HANGUP);
        assertThat(summary.agentLeg().packetsIn()).isGreaterThan(20);
        assertNothingLeaked();
    }

    @Test
    void aCallerWhoGivesUpWhileRingingGets487AndTheAgentLegIsCancelled() throws Exception {
        try (Sipp agent = agent("uas-ring-cancel.xml").calls(1).start();
                Sipp caller = caller("uac-cancel.xml", "022785044").start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", call, agent.output())
                    .isTrue();
            assertThat(agent.await(LIMIT).allCallsSucceeded())
                    .as("agent saw CANCEL: %s", agent.output())
                    .isTrue();
        }
        CallSummary summary = callgate.nextEndedCall();

        assertThat(summary.reason()).isEqualTo(EndReason.CALLER_CANCELLED);
        assertThat(summary.finalStatus()).isEqualTo(487);
        assertThat(summary.wasAnswered()).isFalse();
        assertNothingLeaked();
    }

    @Test
    void holdAndResumeByReInviteArePassedToTheAgentWithTheDirectionIntact() throws Exception {
        try (Sipp agent = agent("uas-hold.xml").calls(1).arg("-rtp_echo").start();
                Sipp caller = caller("uac-hold.xml", "022785044").start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", call, agent.output())
                    .isTrue();
            assertThat(agent.await(LIMIT).allCallsSucceeded())
                    .as("%s", agent.output())
                    .isTrue();
        }
        assertThat(callgate.nextEndedCall().reason()).isEqualTo(EndReason.CALLER_HANGUP);
        assertNothingLeaked();
    }

    @Test
    void aNumberThatIsNoServiceLineIsRefusedWith404() throws Exception {
        try (Sipp caller = caller("uac-expect-404.xml", "+3225550000").start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded()).as("%s", call).isTrue();
        }
        assertThat(callgate.ended).isEmpty();
    }

    private void assertNothingLeaked() {
        assertThat(callgate.gateway.activeCalls()).isZero();
        assertThat(callgate.gateway.openMediaSessions()).isZero();
    }
}
