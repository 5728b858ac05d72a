package org.callgate.store.file;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.Retention;

/** Attributes and bytes the file store's own tests store. */
final class StoreFixture {

    static final Instant START = Instant.parse("2026-11-25T10:15:30Z");

    private StoreFixture() {}

    static ObjectAttributes attributes(LockMode mode, Duration ahead) {
        return new ObjectAttributes(
                "audio/wav", new Retention("recording", START.plus(ahead), mode), false, Map.of("service", "banking"));
    }

    static ObjectAttributes unlocked() {
        return attributes(LockMode.NONE, Duration.ofDays(1));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
