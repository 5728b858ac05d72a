package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The {@code purge:} section: when the daily purge runs (REQUIREMENTS "what follows" 3: purged on
 * time). A record is destroyed at the first run after its retain-until: at most a day late, never
 * early. {@code scripts/callgate purge} runs it on demand.
 *
 * @param dailyAt the wall-clock time of the daily run, {@code HH:mm}
 * @param zone the time zone of {@code dailyAt}, an IANA name
 */
public record PurgeConfig(String dailyAt, String zone) {

    public PurgeConfig {
        Objects.requireNonNull(dailyAt, "dailyAt");
        Objects.requireNonNull(zone, "zone");
    }

    /** 03:00 in Brussels: the quiet hours of a Belgian call centre. */
    public static PurgeConfig defaults() {
        return new PurgeConfig("03:00", "Europe/Brussels");
    }

    @JsonCreator
    static PurgeConfig fromYaml(@JsonProperty("daily-at") String dailyAt, @JsonProperty("zone") String zone) {
        PurgeConfig d = defaults();
        return new PurgeConfig(
                Objects.requireNonNullElse(dailyAt, d.dailyAt()), Objects.requireNonNullElse(zone, d.zone()));
    }

    /** The time of day; call only on a validated configuration. */
    public LocalTime time() {
        return LocalTime.parse(dailyAt);
    }

    /** The zone; call only on a validated configuration. */
    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** The rules: a {@code HH:mm} time and a known zone. */
    static void check(PurgeConfig purge, Problems problems) {
        problems.require(
                purge.dailyAt().matches("([01][0-9]|2[0-3]):[0-5][0-9]"),
                "purge.daily-at",
                purge.dailyAt(),
                "a time of day, HH:mm (24 h)");
        boolean known;
        try {
            ZoneId.of(purge.zone());
            known = true;
        } catch (RuntimeException e) {
            known = false;
        }
        problems.require(known, "purge.zone", purge.zone(), "an IANA time zone, such as Europe/Brussels or UTC");
    }
}
