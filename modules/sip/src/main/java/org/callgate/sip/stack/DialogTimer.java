package org.callgate.sip.stack;

import gov.nist.javax.sip.SipProviderImpl;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.Dialog;
import javax.sip.SipProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * is cancelled. Either way it would have done nothing: the ACK was sent. The task is matched to
 * its own dialog by the dialog's id (Call-ID and both tags): callgate gives an INVITE to the
 * default queue the Call-ID of the one it gave up, and a dialog of either that was never
 * acknowledged keeps its task.
 *
 * <p>The task's dialog is read from the RI's inner class through a {@link VarHandle}; an RI
 * without it gets the RI's behaviour, said once in the log.
 */
public final class DialogTimer extends ScheduledExecutorSipTimer {

    private static final Logger LOG = LoggerFactory.getLogger(DialogTimer.class);

    /** The RI's task; private to {@code SIPDialog}, so known by name only. */
    private static final String DELETE_IF_NO_ACK = "gov.nist.javax.sip.stack.SIPDialog$DialogDeleteIfNoAckSentTask";
    /** The task's dialog (its enclosing instance); null when this RI has no such field. */
    private static final VarHandle DIALOG_OF_TASK = dialogOfTask();
    /** A dialog acknowledged before its task was scheduled. */
    private static final Object ACKED = new Object();
    /** Past this many dialogs, those waiting as {@link #ACKED} are forgotten: their task never came. */
    static final int MAX_TRACKED = 8_192;

    /** Per dialog id: {@link #ACKED}, or the task waiting for an ACK. */
    private final ConcurrentHashMap<String, Object> byDialog = new ConcurrentHashMap<>();

    private final AtomicLong released = new AtomicLong();

    /** Created by the RI, by name ({@link StackProperties}). */
    public DialogTimer() {
        super();
    }

    private static VarHandle dialogOfTask() {
        try {
            Class<?> task = Class.forName(DELETE_IF_NO_ACK);
            return MethodHandles.privateLookupIn(task, MethodHandles.lookup())
                    .findVarHandle(task, "this$0", SIPDialog.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn(
                    "this JAIN-SIP RI keeps every answered dialog 32 s: its ACK watch is not known here: {}",
                    e.toString());
            return null;
        }
    }

    @Override
    public boolean schedule(SIPStackTimerTask task, long delay) {
        String dialogId = dialogIdOf(task);
        if (dialogId == null) {
            return super.schedule(task, delay);
        }
        Watched watched = new Watched(task, dialogId);
        boolean[] acked = {false};
        byDialog.compute(dialogId, (id, state) -> {
            acked[0] = state == ACKED;
            return acked[0] ? null : watched;
        });
        if (acked[0]) {
            released.incrementAndGet();
            return true; // the ACK went already: the task would do nothing
        }
        return super.schedule(watched, delay);
    }

    /** The id of the dialog whose ACK {@code task} watches; null for any other task. */
    private static String dialogIdOf(SIPStackTimerTask task) {
        if (DIALOG_OF_TASK == null || !DELETE_IF_NO_ACK.equals(task.getClass().getName())) {
            return null;
        }
        SIPDialog dialog = (SIPDialog) DIALOG_OF_TASK.get(task);
        return dialog == null ? null : dialog.getDialogId();
    }

    /** The first 2xx of {@code dialog} was acknowledged: the RI's watch for a missing ACK can go. */
    public static void acknowledged(SipProvider provider, Dialog dialog) {
        if (provider instanceof SipProviderImpl impl
                && ((SIPTransactionStack) impl.getSipStack()).getTimer() instanceof DialogTimer timer) {
            timer.acknowledged(dialog.getDialogId());
        }
    }

    void acknowledged(String dialogId) {
        if (dialogId == null) {
            return;
        }
        if (byDialog.size() >= MAX_TRACKED) {
            // dialogs acknowledged whose task never came (a 2xx other than 200): forget them
            byDialog.values().removeIf(state -> state == ACKED);
        }
        Object[] waiting = {null};
        byDialog.compute(dialogId, (id, state) -> {
            if (state == null || state == ACKED) {
                return ACKED;
            }
            waiting[0] = state;
            return null;
        });
        if (waiting[0] instanceof Watched watched && cancel(watched)) {
            released.incrementAndGet();
        }
    }

    /** How many of the RI's "no ACK sent" tasks were cancelled or never scheduled. */
    public long released() {
        return released.get();
    }

    /** How many dialogs are tracked now: acknowledged early, or with a task waiting. */
    int tracked() {
        return byDialog.size();
    }

    /** The RI's task, which leaves the table of those awaiting an ACK when it runs. */
    private final class Watched extends SIPStackTimerTask {
        private final SIPStackTimerTask task;
        private final String dialogId;

        Watched(SIPStackTimerTask task, String dialogId) {
            this.task = task;
            this.dialogId = dialogId;
        }

        @Override
        public void runTask() {
            byDialog.remove(dialogId, this);
            task.runTask();
        }

        @Override
        public Object getThreadHash() {
            return task.getThreadHash();
        }
    }
}
