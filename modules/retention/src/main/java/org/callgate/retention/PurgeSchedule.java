package org.callgate.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the purge once a day at a configured local time (R1, R7, R14: destroyed on time, at most a
 * day after retain-until, never before it). The next run is computed from the injected clock each time, so
 * a daylight-saving change or a clock step moves it to the right wall-clock time; a failed run is
 * logged and the next day's run finishes it from the journal.
 */
public final class PurgeSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeSchedule.class);

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final LocalTime at;
    private final ZoneId zone;
    private final Purge purge;

    public PurgeSchedule(ScheduledExecutorService executor, Clock clock, LocalTime at, ZoneId zone, Purge purge) {
        this.executor = executor;
        this.clock = clock;
        this.at = at;
        this.zone = zone;
        this.purge = purge;
    }

    /** The first instant after {@code now} whose wall-clock time in {@code zone} is {@code at}. */
    public static Instant next(Instant now, LocalTime at, ZoneId zone) {
        ZonedDateTime today = now.atZone(zone).toLocalDate().atTime(at).atZone(zone);
        return today.toInstant().isAfter(now)
                ? today.toInstant()
                : today.plusDays(1).toInstant();
    }

    /** Schedules the next run; each run schedules the one after. */
    public void start() {
        Instant now = clock.instant();
        Instant next = next(now, at, zone);
        try {
            executor.schedule(
                    this::runAndReschedule, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("purge: next run at {} ({} {})", next, at, zone);
        } catch (RejectedExecutionException stopping) {
            // callgate is stopping
        }
    }

    private void runAndReschedule() {
        try {
            purge.run(false);
        } catch (Exception e) {
            LOG.error("purge: the daily run failed; the next one resumes it from the journal", e);
        } finally {
            start();
        }
    }
}
