package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"250ms", "30s", "5m", "1h", "0s", "1500ms"})
    void aDurationIsWrittenBackTheWayItIsRead(String text) {
        assertThat(Durations.format(Durations.parse(text).orElseThrow())).isEqualTo(text);
    }

    @Test
    void theShortestUnitThatIsExactIsChosen() {
        assertThat(Durations.format(Duration.ofMillis(60_000))).isEqualTo("1m");
        assertThat(Durations.format(Duration.ofSeconds(7200))).isEqualTo("2h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "5 minutes", "-5s", "1.5s", "1d", "PT30S", "s", "", "9999999999s"})
    void anythingButAWholeNumberAndAUnitIsRefused(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }
}
