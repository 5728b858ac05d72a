package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.callgate.app.config.ConfigLoader;
import org.callgate.core.call.CallObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** callgate does not start on an S3 store it cannot use, and says why in one line. */
class S3StartupTest {

    @TempDir
    Path dir;

    @Test
    void anUnreachableS3EndpointStopsStartUpWithOneLineNamingBucketAndEndpoint() throws Exception {
        int closed = FreePorts.udpAndTcp();
        Path config = Files.writeString(dir.resolve("callgate.yaml"), """
                sip: {listen-address: 127.0.0.1, port: %d}
                prompts-dir: %s
                store:
                  type: s3
                  spool: %s
                  s3: {endpoint: "http://127.0.0.1:%d", region: us-east-1, bucket: calls, path-style: true,
                       access-key: a, secret-key: b}
                """.formatted(
                        FreePorts.udpAndTcp(), GatewayFixture.PROMPTS, dir.resolve("spool"), closed));

        assertThatThrownBy(() -> Callgate.start(ConfigLoader.load(config), Clock.systemUTC(), CallObserver.NONE))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("S3 bucket calls is not reachable")
                .hasMessageContaining("127.0.0.1:" + closed)
                .hasMessageNotContaining("\n");
    }
}
