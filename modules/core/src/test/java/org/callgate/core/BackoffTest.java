package org.callgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheCap() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void noFailureYetWaitsTheFirstDelay() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(-1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void doublingWithoutACapKeepsDoublingForBoundedTries() {
        Backoff doubling = Backoff.doubling(Duration.ofMillis(200));
        assertThat(doubling.after(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(doubling.after(21)).isEqualTo(Duration.ofMillis(200L << 20));
    }

    @Test
    void aCapBelowTheFirstWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT2S");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
