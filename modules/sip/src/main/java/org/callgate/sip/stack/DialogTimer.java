package org.callgate.sip.stack;

import gov.nist.javax.sip.SipProviderImpl;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.Dialog;
import javax.sip.SipProvider;

/**
 * The RI's timer ({@link ScheduledExecutorSipTimer}), which also lets go of a dialog as soon as
 * its 2xx is acknowledged. When a 200 to an INVITE arrives, the RI schedules a task that deletes
 * the dialog if no ACK was sent within 64 × T1 (32 s), and never cancels it once the ACK goes:
 * the task, and through it the whole dialog (its parties, routes and transactions), stays
 * reachable for 32 s after every call's answer, however short the call. At 500 calls/s that was
 * about 19,000 dialogs, the largest part of the live heap, and what filled the old generation
 * until full collections failed the set-up p99 (docs/benchmarks.md).
 *
 * <p>callgate acknowledges the first 2xx of each of its INVITEs at once and then tells this timer
 * ({@link #acknowledged}). The RI schedules the task right after the listener has returned, so
 * the ACK usually comes first: the task is then never scheduled. When it comes after, the task
 * is cancelled. Either way it would have done nothing: the ACK was sent. Tasks are matched by the
 * dialog's Call-ID; when two dialogs share one (a 2xx from each of two forks of one INVITE)
 * and a task is already waiting for each, neither is cancelled and both run their 32 s.
 */
public final class DialogTimer extends ScheduledExecutorSipTimer {

    /** The RI's task; private to {@code SIPDialog}, so known by name only. */
    private static final String DELETE_IF_NO_ACK = "gov.nist.javax.sip.stack.SIPDialog$DialogDeleteIfNoAckSentTask";
    /** A Call-ID acknowledged before its task was scheduled. */
    private static final Object ACKED = new Object();
    /** Past this many Call-IDs, those waiting as {@link #ACKED} are forgotten: their task never came. */
    static final int MAX_ACKED = 8_192;

    /** Per Call-ID: {@link #ACKED}, or the tasks waiting for an ACK. */
    private final ConcurrentHashMap<Object, Object> byCallId = new ConcurrentHashMap<>();

    private final AtomicLong released = new AtomicLong();

    /** Created by the RI, by name ({@link StackProperties}). */
    public DialogTimer() {
        super();
    }

    @Override
    public boolean schedule(SIPStackTimerTask task, long delay) {
        if (!DELETE_IF_NO_ACK.equals(task.getClass().getName())) {
            return super.schedule(task, delay);
        }
        Watched watched = new Watched(task);
        boolean[] acked = {false};
        byCallId.compute(watched.callId, (callId, state) -> {
            if (state == ACKED) {
                acked[0] = true;
                return null;
            }
            List<Watched> waiting = state == null ? new ArrayList<>(1) : waiting(state);
            waiting.add(watched);
            return waiting;
        });
        if (acked[0]) {
            released.incrementAndGet();
            return true; // the ACK went already: the task would do nothing
        }
        return super.schedule(watched, delay);
    }

    /** The first 2xx of {@code dialog} was acknowledged: the RI's watch for a missing ACK can go. */
    public static void acknowledged(SipProvider provider, Dialog dialog) {
        if (provider instanceof SipProviderImpl impl
                && ((SIPTransactionStack) impl.getSipStack()).getTimer() instanceof DialogTimer timer) {
            timer.acknowledged(dialog.getCallId().getCallId());
        }
    }

    void acknowledged(Object callId) {
        if (byCallId.size() >= MAX_ACKED) {
            // Call-IDs acknowledged whose task never came (a 2xx other than 200): forget them
            byCallId.values().removeIf(state -> state == ACKED);
        }
        Object[] cancel = {null};
        byCallId.compute(callId, (id, state) -> {
            if (state == null) {
                return ACKED;
            }
            if (state != ACKED && waiting(state).size() == 1) {
                cancel[0] = waiting(state).getFirst();
            }
            return null;
        });
        if (cancel[0] instanceof Watched watched && cancel(watched)) {
            released.incrementAndGet();
        }
    }

    /** How many of the RI's "no ACK sent" tasks were cancelled or never scheduled. */
    public long released() {
        return released.get();
    }

    /** How many Call-IDs are tracked now: acknowledged early, or with a task waiting. */
    int tracked() {
        return byCallId.size();
    }

    @SuppressWarnings("unchecked")
    private static List<Watched> waiting(Object state) {
        return (List<Watched>) state;
    }

    /** The RI's task, which leaves the table of those awaiting an ACK when it runs. */
    private final class Watched extends SIPStackTimerTask {
        private final SIPStackTimerTask task;
        private final Object callId;

        Watched(SIPStackTimerTask task) {
            this.task = task;
            this.callId = task.getThreadHash();
        }

        @Override
        public void runTask() {
            byCallId.computeIfPresent(callId, (id, state) -> {
                if (state == ACKED) {
                    return state;
                }
                List<Watched> waiting = waiting(state);
                waiting.remove(this);
                return waiting.isEmpty() ? null : waiting;
            });
            task.runTask();
        }

        @Override
        public Object getThreadHash() {
            return callId;
        }
    }
}
