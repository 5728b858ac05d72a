package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MediaSettingsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void aRangeOfTenThousandPortsHoldsFiveThousandPairs() {
        assertThat(settings(20000, 29999, Duration.ofSeconds(30)).portPairs()).isEqualTo(5000);
    }

    @Test
    void bindsAndAdvertisesTheSameAddressWithOneThreadPerProcessorByDefault() {
        MediaSettings settings = settings(20000, 29999, Duration.ofSeconds(30));

        assertThat(settings.bindAddress()).isEqualTo(LOOPBACK);
        assertThat(settings.advertisedAddress()).isEqualTo(LOOPBACK);
        assertThat(settings.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings.withIoThreads(3).ioThreads()).isEqualTo(3);
    }

    @Test
    void inactivityIsCheckedFourTimesPerTimeoutButAtLeastOncePerSecond() {
        assertThat(settings(20000, 20009, Duration.ofMillis(200)).inactivityCheckPeriod())
                .isEqualTo(Duration.ofMillis(50));
        assertThat(settings(20000, 20009, Duration.ofSeconds(2)).inactivityCheckPeriod())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(settings(20000, 20009, Duration.ofSeconds(30)).inactivityCheckPeriod())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(settings(20000, 20009, Duration.ofMillis(2)).inactivityCheckPeriod())
                .isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void theWildcardAddressCanBeBoundButNotAdvertised() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");

        assertThat(settings(20000, 20009, Duration.ofSeconds(1)).withAdvertisedAddress(LOOPBACK))
                .isNotNull();
        assertThatThrownBy(() -> MediaSettings.of(any, 20000, 20009, Duration.ofSeconds(1), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("advertisedAddress");
        MediaSettings wildcardBind = new MediaSettings(any, LOOPBACK, 20000, 20009, Duration.ofSeconds(1), CLOCK, 1);
        assertThat(wildcardBind.bindAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> settings(20000, 20009, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inactivityTimeout");
        assertThatThrownBy(() -> settings(20000, 20009, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePortRangeIsValidated() {
        assertThatThrownBy(() -> settings(20001, 29999, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even port");
        assertThatThrownBy(() -> settings(29998, 20000, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no RTP/RTCP port pair");
    }

    @Test
    void atLeastOneEventLoopThreadIsNeeded() {
        assertThatThrownBy(() -> settings(20000, 20009, Duration.ofSeconds(1)).withIoThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ioThreads");
    }

    private static MediaSettings settings(int min, int max, Duration timeout) {
        return MediaSettings.of(LOOPBACK, min, max, timeout, CLOCK);
    }
}
