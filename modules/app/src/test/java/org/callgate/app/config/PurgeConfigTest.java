package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code purge:} section: when the daily purge runs; a bad time or zone is one line at start-up. */
class PurgeConfigTest {

    @TempDir
    Path dir;

    @BeforeEach
    void defaultPrompts() {
        TestPrompts.defaultsIn(dir);
    }

    @Test
    void theDailyRunIsAtThreeInTheMorningInBrusselsByDefault() {
        PurgeConfig purge = CallgateConfig.defaults().purge();
        assertThat(purge.time()).isEqualTo(LocalTime.of(3, 0));
        assertThat(purge.zoneId()).isEqualTo(ZoneId.of("Europe/Brussels"));
    }

    @Test
    void aTimeAndZoneAreReadFromTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("callgate.yaml"), "purge:\n  daily-at: \"23:30\"\n  zone: UTC\n");
        PurgeConfig purge = ConfigLoader.load(file, dir).purge();
        assertThat(purge.time()).isEqualTo(LocalTime.of(23, 30));
        assertThat(purge.zoneId()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void aTimeThatIsNotHoursAndMinutesIsRefused() {
        assertThat(BadConfig.refused(dir, "purge:\n  daily-at: 3am\n").getMessage())
                .isEqualTo(dir.resolve("callgate.yaml") + ":2:13: purge.daily-at: '3am' — a time of day, HH:mm (24 h)");
    }

    @Test
    void anUnknownZoneIsRefused() {
        assertThat(BadConfig.refused(dir, "purge:\n  zone: Europe/Bruxelles\n").getMessage())
                .isEqualTo(dir.resolve("callgate.yaml")
                        + ":2:9: purge.zone: 'Europe/Bruxelles' — an IANA time zone, such as Europe/Brussels or UTC");
    }
}
