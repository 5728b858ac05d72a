package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller on TCP whose connection drops mid-call (its process killed: no BYE, the socket just
 * closes). callgate keeps serving: the call ends once its media stops (the inactivity watch,
 * here 2 s), the agent gets BYE, nothing is left behind, and the next TCP call goes through.
 */
@ExtendWith(SippRequired.class)
class TcpConnectionDropTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aCallWhoseCallerConnectionDropsEndsWithByeToTheAgentAndTheNextCallGoesThrough() throws Exception {
        try (GatewayFixture callgate = GatewayFixture.withMediaTimeout(dir, "2s")) {
            try (Sipp agent = callgate.agent("uas-answer.xml")
                            .calls(1)
                            .arg("-rtp_echo")
                            .timeout(LIMIT)
                            .start();
                    Sipp caller = callgate.caller("uac-call.xml", "022785044")
                            .tcp()
                            .arg("-d", "30000")
                            .timeout(LIMIT)
                            .start()) {
                assertThat(callgate.answered.poll(LIMIT.toSeconds(), TimeUnit.SECONDS))
                        .as("the agent answered")
                        .isNotNull();
                caller.kill();

                SippResult answered = agent.await(LIMIT);
                assertThat(answered.allCallsSucceeded())
                        .as("the agent got BYE: %s", answered)
                        .isTrue();
            }
            CallSummary dropped = callgate.nextEndedCall();
            assertThat(dropped.reason()).isEqualTo(EndReason.MEDIA_TIMEOUT);
            assertThat(dropped.answered())
                    .as("dropped mid-call, after the answer")
                    .isNotNull();
            assertThat(callgate.gateway.activeCalls()).isZero();
            assertThat(callgate.gateway.openMediaSessions()).isZero();

            try (Sipp agent = callgate.agent("uas-answer.xml")
                            .calls(1)
                            .arg("-rtp_echo")
                            .start();
                    Sipp caller = callgate.caller("uac-call.xml", "022785044")
                            .tcp()
                            .arg("-d", "500")
                            .start()) {
                SippResult next = caller.await(LIMIT);
                assertThat(next.allCallsSucceeded())
                        .as("the next call: %s", next)
                        .isTrue();
                assertThat(agent.await(LIMIT).allCallsSucceeded()).isTrue();
            }
            assertThat(callgate.nextEndedCall().reason()).isEqualTo(EndReason.CALLER_HANGUP);
        }
    }
}
