package org.callgate.sip;

import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.message.Request;
import org.callgate.core.call.QueueFallback;
import org.callgate.sip.sdp.SdpOrigin;

/**
 * The agent queue's side of a call (B-leg): a dialog callgate creates as UAC (RFC 3261 §12.1.2)
 * with a Call-ID of its own, and the INVITE attempts that lead to it.
 *
 * <p>What is kept here is what the UAC rules need later:
 * <ul>
 *   <li>the INVITE in progress, to CANCEL it, which RFC 3261 §9.1 allows only once a provisional
 *       response has come: a caller who gives up earlier leaves a CANCEL owed until then;
 *   <li>the attempt sent (queue, SDP, headers) with its no-answer timer, so that a queue the IVR
 *       chose can be replaced once by the line's default queue (R15) with the same offer, in the
 *       same Call-ID with a higher CSeq (§8.1.3.5); responses to the INVITE given up are then told
 *       apart from the current one's;
 *   <li>the dialog and the ACK for the agent's 2xx, since the ACK is sent again whenever the 2xx
 *       is retransmitted (§13.2.2.4).
 * </ul>
 *
 * <p>State is read and written under the owning call's lock. Transitions that depend on the
 * call's phase (sending an attempt, falling back, the answer) are made through {@link B2buaCall},
 * which checks the phase and changes this leg atomically.
 */
final class AgentLeg {

    /** callgate's Call-ID for the agent leg, shared by the attempts of the call. */
    final String callId;
    /** The origin of the SDP callgate sends the agent. */
    final SdpOrigin origin;

    private final Object lock;
    private ClientTransaction invite;
    private ScheduledFuture<?> noAnswerTimer;
    private AgentAttempt attempt;
    private boolean provisionalSeen;
    private boolean cancelWanted;
    private QueueFallback fallback;
    private Dialog dialog;
    private Request ack;

    /** @param lock the owning call's lock */
    AgentLeg(Object lock, String callId, SdpOrigin origin) {
        this.lock = lock;
        this.callId = callId;
        this.origin = origin;
    }

    /** The agent-leg INVITE in progress, null before the first and after one is given up for a fallback. */
    ClientTransaction invite() {
        synchronized (lock) {
            return invite;
        }
    }

    /** Whether {@code transaction} is the INVITE in progress, not one given up for a fallback. */
    boolean isCurrent(ClientTransaction transaction) {
        synchronized (lock) {
            return transaction == invite;
        }
    }

    /** A new attempt is about to go out: it replaces the previous one and its timer. */
    void sent(ClientTransaction transaction, ScheduledFuture<?> timer, AgentAttempt sent) {
        synchronized (lock) {
            stopTimer();
            invite = transaction;
            noAnswerTimer = timer;
            attempt = sent;
            provisionalSeen = false;
        }
    }

    /**
     * The INVITE {@code failed} got a final error: the attempt to make instead, once per call and
     * only away from a queue other than {@code defaultQueue}; otherwise null. Records the
     * fallback and gives up {@code failed}.
     */
    AgentAttempt fallBack(ClientTransaction failed, int status, String defaultQueue) {
        synchronized (lock) {
            if (failed != invite
                    || fallback != null
                    || attempt == null
                    || attempt.queueUri().equals(defaultQueue)) {
                return null;
            }
            fallback = new QueueFallback(attempt.queueUri(), status, defaultQueue);
            invite = null;
            stopTimer();
            return attempt.to(
                    defaultQueue, "X-Callgate-Fallback-From", "<" + attempt.queueUri() + ">;status=" + status);
        }
    }

    /** The fallback to the default queue, null when the call had none (R15). */
    QueueFallback fallback() {
        synchronized (lock) {
            return fallback;
        }
    }

    /** Records that a provisional response came; true if the caller gave up before it. */
    boolean provisionalReceived() {
        synchronized (lock) {
            provisionalSeen = true;
            return cancelWanted;
        }
    }

    /** The caller gave up; true if the INVITE may be cancelled now (RFC 3261 §9.1). */
    boolean wantCancel() {
        synchronized (lock) {
            cancelWanted = true;
            return provisionalSeen;
        }
    }

    /** The agent answered: its dialog and the ACK callgate sends (and sends again) for the 2xx. */
    void answered(Dialog confirmed, Request ackFor2xx) {
        synchronized (lock) {
            dialog = confirmed;
            ack = ackFor2xx;
            stopTimer();
        }
    }

    /** The agent's dialog, null until the agent answered. */
    Dialog dialog() {
        synchronized (lock) {
            return dialog;
        }
    }

    /** The ACK for the agent's 2xx, null until the agent answered. */
    Request ack() {
        synchronized (lock) {
            return ack;
        }
    }

    /** No more waiting for an answer: the no-answer timer is cancelled. */
    void stopTimer() {
        synchronized (lock) {
            if (noAnswerTimer != null) {
                noAnswerTimer.cancel(false);
                noAnswerTimer = null;
            }
        }
    }
}
