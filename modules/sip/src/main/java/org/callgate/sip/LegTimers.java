package org.callgate.sip;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.callgate.core.media.LegSide;

/**
 * The session timers of one call's two legs (RFC 4028): each leg's terms and the task armed for
 * it, a refresh when callgate refreshes, the end of the call when the peer does and has not. Once
 * the call ends nothing is armed again.
 */
final class LegTimers {

    private final Map<LegSide, SessionInterval> terms = new EnumMap<>(LegSide.class);
    private final Map<LegSide, ScheduledFuture<?>> armed = new EnumMap<>(LegSide.class);
    private boolean stopped;

    /** The leg's terms, null when it has no session timer. */
    synchronized SessionInterval terms(LegSide side) {
        return terms.get(side);
    }

    /** Sets the leg's terms without arming anything yet (the 2xx that agrees them is not sent). */
    synchronized void agree(LegSide side, SessionInterval interval) {
        if (!stopped) {
            terms.put(side, interval);
        }
    }

    /**
     * Replaces what is armed for the leg; false (and the task is cancelled) once the call ended.
     */
    synchronized boolean arm(LegSide side, SessionInterval interval, ScheduledFuture<?> task) {
        ScheduledFuture<?> previous = armed.put(side, task);
        if (previous != null) {
            previous.cancel(false);
        }
        if (stopped) {
            task.cancel(false);
            armed.remove(side);
            return false;
        }
        terms.put(side, interval);
        return true;
    }

    /** The leg no longer has a session timer (its peer refused callgate's refresh). */
    synchronized void drop(LegSide side) {
        terms.remove(side);
        ScheduledFuture<?> task = armed.remove(side);
        if (task != null) {
            task.cancel(false);
        }
    }

    /** The call ended. */
    synchronized void stop() {
        stopped = true;
        armed.values().forEach(task -> task.cancel(false));
        armed.clear();
    }
}
