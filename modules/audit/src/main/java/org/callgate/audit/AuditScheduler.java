package org.callgate.audit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AuditArchive#sealAndUpload()} every {@code interval} on an executor the caller owns
 * (and names), so that sealed segments and the chain head reach the store without anyone asking
 * (R11). A failed run is logged and the next run tries again: a store that is down for a while
 * delays the archive, it does not stop it.
 */
public final class AuditScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(AuditScheduler.class);

    private AuditScheduler() {}

    /** Schedules the task; cancel the returned future (or shut the executor down) to stop it. */
    public static ScheduledFuture<?> schedule(
            AuditArchive archive, ScheduledExecutorService executor, Duration interval) {
        Objects.requireNonNull(archive, "archive");
        long millis = interval.toMillis();
        if (millis < 1) {
            throw new IllegalArgumentException("the audit archive interval is at least 1 ms: " + interval);
        }
        return executor.scheduleWithFixedDelay(() -> runOnce(archive), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One run; never throws, so the executor keeps scheduling the next. */
    static void runOnce(AuditArchive archive) {
        try {
            AuditArchive.Outcome outcome = archive.sealAndUpload();
            LOG.debug("audit archive: {} segments stored, head seq {}", outcome.segmentsStored(), outcome.headSeq());
        } catch (Exception e) {
            LOG.error("audit archive failed, will try again: {}", e.toString(), e);
        }
    }
}
