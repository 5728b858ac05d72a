package org.callgate.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SetupRateLimitTest {

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aBurstOfOneSecondsWorthIsAdmittedAndTheNextCallIsRefused() {
        SetupRateLimit limit = new SetupRateLimit(250, clock);

        assertThat(admitted(limit, 300)).isEqualTo(250);
    }

    @Test
    void theRateRefillsWithTimeButNeverBeyondOneSecondsWorth() {
        SetupRateLimit limit = new SetupRateLimit(100, clock);
        admitted(limit, 100);

        now = now.plus(Duration.ofMillis(50));
        assertThat(admitted(limit, 100)).as("5 calls' worth in 50 ms").isEqualTo(5);
        now = now.plus(Duration.ofSeconds(10));
        assertThat(admitted(limit, 1000)).as("never more than a second's worth").isEqualTo(100);
    }

    @Test
    void overTenSecondsAtTwiceTheRateTheRateIsAdmittedPlusTheFirstSecondsBurst() {
        SetupRateLimit limit = new SetupRateLimit(200, clock);
        int admitted = 0;
        for (int step = 0; step < 2000; step++) { // 10 s in 5 ms steps, 2 calls a step: 400 calls/s
            now = now.plus(Duration.ofMillis(5));
            admitted += admitted(limit, 2);
        }

        assertThat(admitted).isBetween(2190, 2200);
    }

    @Test
    void zeroAdmitsEveryCall() {
        assertThat(admitted(new SetupRateLimit(0, clock), 100_000)).isEqualTo(100_000);
    }

    @Test
    void aNegativeRateIsRefused() {
        assertThatThrownBy(() -> new SetupRateLimit(-1, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int admitted(SetupRateLimit limit, int attempts) {
        int admitted = 0;
        for (int i = 0; i < attempts; i++) {
            if (limit.admit()) {
                admitted++;
            }
        }
        return admitted;
    }
}
