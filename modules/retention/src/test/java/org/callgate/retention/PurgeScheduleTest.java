package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The daily purge runs at the configured wall-clock time, daylight saving or not. */
class PurgeScheduleTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final LocalTime THREE = LocalTime.of(3, 0);

    @Test
    void beforeTheTimeTheRunIsTodayAfterItTomorrow() {
        assertThat(PurgeSchedule.next(Instant.parse("2026-12-05T01:00:00Z"), THREE, BRUSSELS))
                .isEqualTo(Instant.parse("2026-12-05T02:00:00Z"));
        assertThat(PurgeSchedule.next(Instant.parse("2026-12-05T02:00:00Z"), THREE, BRUSSELS))
                .isEqualTo(Instant.parse("2026-12-06T02:00:00Z"));
    }

    @Test
    void summerTimeMovesTheRunAnHourEarlierInUtc() {
        assertThat(PurgeSchedule.next(Instant.parse("2027-03-27T12:00:00Z"), THREE, BRUSSELS))
                .isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
    }
}
