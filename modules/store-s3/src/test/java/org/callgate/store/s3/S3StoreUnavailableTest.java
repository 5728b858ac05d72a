package org.callgate.store.s3;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;
import org.callgate.store.StoreUnavailableException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A store whose server is down says "try again later" on every call; it does not crash or hang. */
class S3StoreUnavailableTest {

    private static S3Settings closedPort;

    @BeforeAll
    static void pointAtAClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        closedPort = S3Settings.forBucket("recordings")
                .withRegion("us-east-1")
                .withEndpoint(URI.create("http://127.0.0.1:" + port), true)
                .withCredentials("key", "secret");
    }

    @Test
    void everyOperationOnAClosedPortIsUnavailable() {
        ObjectKey key = ObjectKey.of("r/call.wav");
        ObjectAttributes attributes = new ObjectAttributes(
                "audio/wav", new Retention("recording", Instant.parse("2036-01-01T00:00:00Z"), LockMode.GOVERNANCE));
        try (S3RecordingStore store = new S3RecordingStore(closedPort)) {
            assertThatThrownBy(() -> store.put(key, "x".getBytes(StandardCharsets.UTF_8), attributes))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("r/call.wav");
            assertThatThrownBy(() -> store.head(key)).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> store.get(key)).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> store.delete(key, false)).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> store.list("r/")).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> store.setLegalHold(key, true)).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> store.setRetention(key, attributes.retention(), false))
                    .isInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void bucketSetupOnAClosedPortIsUnavailable() {
        assertThatThrownBy(() -> new S3BucketSetup(closedPort).ensureLockedBucket())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("recordings");
    }
}
