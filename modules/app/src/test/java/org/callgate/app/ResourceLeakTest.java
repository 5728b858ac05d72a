package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every call returns its ports and sockets: after 1,000 real calls nothing is left open. */
@ExtendWith(SippRequired.class)
class ResourceLeakTest {

    private static final int CALLS = 1000;

    @TempDir
    Path dir;

    @Test
    void aThousandCallsLeaveNoCallPortOrChannelBehind() throws Exception {
        try (GatewayFixture callgate = GatewayFixture.start(dir)) {
            int pairs = callgate.gateway.freePortPairs();
            try (Sipp agent = callgate.agent("uas-answer.xml")
                            .calls(CALLS)
                            .timeout(Duration.ofSeconds(120))
                            .start();
                    Sipp caller = callgate.caller("uac-short.xml", "022785044")
                            .calls(CALLS)
                            .rate(100)
                            .concurrentLimit(40)
                            .arg("-d", "50")
                            .timeout(Duration.ofSeconds(120))
                            .start()) {
                SippResult calls = caller.await(Duration.ofSeconds(180));
                assertThat(calls.allCallsSucceeded()).as("%s", calls).isTrue();
                agent.await(Duration.ofSeconds(30));
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(callgate.ended).hasSize(CALLS);
                assertThat(callgate.gateway.activeCalls()).isZero();
                assertThat(callgate.gateway.openMediaSessions()).isZero();
                assertThat(callgate.gateway.openMediaChannels()).isZero();
                assertThat(callgate.gateway.freePortPairs()).isEqualTo(pairs);
            });
        }
    }
}
