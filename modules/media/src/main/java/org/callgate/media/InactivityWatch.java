package org.callgate.media;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Notices when an established call has gone silent: a peer that crashed or lost its network sends
 * neither RTP nor RTCP (RFC 3550 §6.2 has every participant send RTCP at least every few seconds,
 * so even a muted call is never silent for long).
 *
 * <p>A task on the session's event loop runs every {@link MediaSettings#inactivityCheckPeriod()}
 * and compares the injected clock with the last packet received, or the start of the watch if
 * later. Reading time only from that clock, never from the event loop's own timer, is what lets
 * tests move time by hand. The watch fires at most once.
 *
 * <p>Not thread-safe: every method runs on the session's event loop.
 */
final class InactivityWatch {

    private final EventLoop loop;
    private final Clock clock;
    private final long timeoutMillis;
    private final long periodMillis;
    private final LongSupplier lastReceivedMillis;
    private final Runnable onInactive;
    private ScheduledFuture<?> task;
    private long startMillis;
    private boolean stopped;

    InactivityWatch(EventLoop loop, MediaSettings settings, LongSupplier lastReceivedMillis, Runnable onInactive) {
        this.loop = loop;
        this.clock = settings.clock();
        this.timeoutMillis = settings.inactivityTimeout().toMillis();
        this.periodMillis = settings.inactivityCheckPeriod().toMillis();
        this.lastReceivedMillis = lastReceivedMillis;
        this.onInactive = onInactive;
    }

    /** Starts watching from {@code nowMillis}; later calls and calls after {@link #stop()} do nothing. */
    void start(long nowMillis) {
        if (task != null || stopped) {
            return;
        }
        startMillis = nowMillis;
        task = loop.scheduleAtFixedRate(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops for good. */
    void stop() {
        stopped = true;
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Milliseconds since the last packet, or since the start if no packet came after it. */
    long silentMillis() {
        return clock.millis() - Math.max(startMillis, lastReceivedMillis.getAsLong());
    }

    private void check() {
        if (stopped || silentMillis() < timeoutMillis) {
            return;
        }
        stop();
        onInactive.run();
    }
}
