package org.callgate.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Five failures within 15 minutes lock a name or an address for 15 minutes, by the clock. */
class LoginThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    private void advance(Duration duration) {
        now.set(now.get().plus(duration));
    }

    @Test
    void fiveFailuresLockTheNameAndFifteenMinutesUnlockIt() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("alice", "10.0.0." + i);
        }
        assertThat(throttle.allowed("alice", "10.0.0.9")).isTrue();

        throttle.recordFailure("alice", "10.0.0.5");

        assertThat(throttle.lockedFor("Alice", "10.0.0.9")).contains(Duration.ofMinutes(15));
        advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(throttle.allowed("alice", "10.0.0.9")).isFalse();
        advance(Duration.ofSeconds(1));
        assertThat(throttle.allowed("alice", "10.0.0.9")).isTrue();
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddressForEveryName() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i, "192.0.2.7");
        }

        assertThat(throttle.allowed("bob", "192.0.2.7")).isFalse();
        assertThat(throttle.allowed("bob", "192.0.2.8")).isTrue();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("alice", "10.0.0.1");
        }
        advance(Duration.ofMinutes(16));

        throttle.recordFailure("alice", "10.0.0.1");

        assertThat(throttle.allowed("alice", "10.0.0.1")).isTrue();
    }

    @Test
    void aSuccessForgetsTheNamesFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("alice", "10.0.0." + i);
        }
        throttle.recordSuccess("alice");

        throttle.recordFailure("alice", "10.0.0.9");

        assertThat(throttle.allowed("alice", "10.0.0.10")).isTrue();
    }
}
