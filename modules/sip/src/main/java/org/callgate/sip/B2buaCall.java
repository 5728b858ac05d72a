package org.callgate.sip;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.callgate.core.ServiceLine;
import org.callgate.core.call.EndReason;
import org.callgate.core.call.QueueFallback;
import org.callgate.core.ivr.Route;
import org.callgate.core.media.LegSide;
import org.callgate.core.media.MediaSession;
import org.callgate.core.recording.Recording;
import org.callgate.sip.sdp.SdpOrigin;

/**
 * One call through the B2BUA: the caller's dialog (A-leg), the agent queue's dialog (B-leg), and
 * the media session that joins them.
 *
 * <p>Signalling events for one call may arrive on different stack threads (the listener is
 * re-entrant), so every read-modify-write of the state happens while holding this object's lock.
 * Handlers hold the lock only to change state, never across blocking work.
 */
final class B2buaCall {

    final String id;
    final ServiceLine line;
    final String caller;
    final Instant started;
    final String callerCallId;
    final String agentCallId;
    final String callerTag;
    final ServerTransaction callerInvite;
    final MediaSession media;
    final SdpOrigin callerOrigin;
    final SdpOrigin agentOrigin;
    final String transportToCaller;

    private CallState state = CallState.CALLING;
    private ClientTransaction agentInvite;
    private Dialog callerDialog;
    private Dialog agentDialog;
    private Request agentAck;
    private boolean provisionalSeen;
    private boolean cancelWanted;
    private boolean reInviteInProgress;
    private Instant answered;
    private EndReason endReason;
    private int finalStatus;
    private ScheduledFuture<?> noAnswerTimer;
    private IvrSession ivr;
    private SurveySession survey;
    private Route route;
    private AgentAttempt attempt;
    private Recording recording;
    private QueueFallback fallback;

    B2buaCall(String id, ServiceLine line, String caller, Instant started, String callerCallId,
            String agentCallId, String callerTag, ServerTransaction callerInvite, MediaSession media,
            long originSeed, String transportToCaller) {
        this.id = id;
        this.line = line;
        this.caller = caller;
        this.started = started;
        this.callerCallId = callerCallId;
        this.agentCallId = agentCallId;
        this.callerTag = callerTag;
        this.callerInvite = callerInvite;
        this.media = media;
        this.callerOrigin = new SdpOrigin(originSeed);
        this.agentOrigin = new SdpOrigin(originSeed >>> 7);
        this.transportToCaller = transportToCaller;
        this.callerDialog = callerInvite.getDialog();
    }

    /** The agent-leg INVITE is about to go out; false if the call ended meanwhile (then it must not). */
    synchronized boolean agentInviteSent(ClientTransaction transaction, ScheduledFuture<?> timer, AgentAttempt sent) {
        if (state == CallState.TERMINATED) {
            return false;
        }
        cancelTimer();
        this.agentInvite = transaction;
        this.noAnswerTimer = timer;
        this.attempt = sent;
        this.provisionalSeen = false;
        if (state == CallState.IVR) {
            state = CallState.CONNECTING;
        }
        return true;
    }

    /** Whether {@code transaction} is the agent-leg INVITE in progress, not one given up for a fallback. */
    synchronized boolean isCurrentAttempt(ClientTransaction transaction) {
        return transaction == agentInvite;
    }

    /**
     * The agent-leg INVITE {@code failed} got a final error: once per call, for a call that went
     * through the IVR to a queue other than {@code defaultQueue}, records the fallback and returns
     * what to send there (R15); otherwise null, and the call is to end.
     */
    synchronized AgentAttempt fallBack(ClientTransaction failed, int status, String defaultQueue) {
        if (state != CallState.CONNECTING || failed != agentInvite || fallback != null || attempt == null
                || attempt.queueUri().equals(defaultQueue)) {
            return null;
        }
        fallback = new QueueFallback(attempt.queueUri(), status, defaultQueue);
        agentInvite = null;
        cancelTimer();
        return attempt.to(defaultQueue, "X-Callgate-Fallback-From", "<" + attempt.queueUri() + ">;status=" + status);
    }

    synchronized QueueFallback fallback() {
        return fallback;
    }

    /** The recording decision, null until the agent leg is first called. */
    synchronized Recording recording() {
        return recording;
    }

    /** Fixes the recording decision the first time; the call keeps that one (product rule 4). */
    synchronized Recording fixRecording(Recording decided) {
        if (recording == null) {
            recording = decided;
        }
        return recording;
    }

    /** callgate answered the caller itself to run the IVR: CALLING → IVR. */
    synchronized boolean answeredForIvr(IvrSession session) {
        if (state != CallState.CALLING) {
            return false;
        }
        state = CallState.IVR;
        ivr = session;
        finalStatus = 200;
        return true;
    }

    synchronized IvrSession ivr() {
        return ivr;
    }

    /** The agent hung up and the caller stays for the survey: CONFIRMED → SURVEY (R10). */
    synchronized boolean beginSurvey(SurveySession session) {
        if (state != CallState.CONFIRMED) {
            return false;
        }
        state = CallState.SURVEY;
        survey = session;
        ivr.stop();
        return true;
    }

    /** The post-call survey, null when the call has none (R10). */
    synchronized SurveySession survey() {
        return survey;
    }

    /**
     * A key from the caller (RFC 4733 or SIP INFO): for the survey once it runs, else for the IVR;
     * a call without either ignores it.
     */
    void digit(char key) {
        SurveySession surveying;
        IvrSession menus;
        synchronized (this) {
            surveying = survey;
            menus = ivr;
        }
        if (surveying != null) {
            surveying.digit(key);
        } else if (menus != null) {
            menus.digit(key);
        }
    }

    /** Where the IVR sent the call; null for calls without IVR. */
    synchronized Route route() {
        return route;
    }

    synchronized void route(Route chosen) {
        route = chosen;
    }

    synchronized ClientTransaction agentInvite() {
        return agentInvite;
    }

    synchronized CallState state() {
        return state;
    }

    /** Records that a provisional response came; true if a CANCEL is now owed to the agent leg. */
    synchronized boolean provisionalReceived() {
        provisionalSeen = true;
        return cancelWanted && state == CallState.TERMINATED;
    }

    /** The caller gave up; true if the agent leg may be cancelled now (RFC 3261 §9.1). */
    synchronized boolean wantCancel() {
        cancelWanted = true;
        return provisionalSeen;
    }

    /** Moves CALLING or CONNECTING → CONFIRMED; false if the call already ended (a late 2xx to be torn down). */
    synchronized boolean confirm(Dialog agent, Request ack, Instant at) {
        if (state != CallState.CALLING && state != CallState.CONNECTING) {
            return false;
        }
        state = CallState.CONFIRMED;
        agentDialog = agent;
        agentAck = ack;
        answered = at;
        finalStatus = 200;
        cancelTimer();
        return true;
    }

    /**
     * Ends the call once: the first caller wins and gets the state it ended from, every later
     * caller gets null. This is what makes "BYE from both sides at once" and "CANCEL racing 200"
     * safe.
     */
    synchronized CallState end(EndReason reason, int status) {
        if (state == CallState.TERMINATED) {
            return null;
        }
        CallState was = state;
        state = CallState.TERMINATED;
        endReason = reason;
        if (was == CallState.CALLING) {
            finalStatus = status;
        }
        cancelTimer();
        if (ivr != null) {
            ivr.stop();
        }
        if (survey != null) {
            survey.stop();
        }
        return was;
    }

    /** Starts a re-INVITE relay; false if one is already in progress (answer 491, RFC 3261 §14.2). */
    synchronized boolean beginReInvite() {
        if (reInviteInProgress || state != CallState.CONFIRMED) {
            return false;
        }
        reInviteInProgress = true;
        return true;
    }

    synchronized void endReInvite() {
        reInviteInProgress = false;
    }

    synchronized Dialog dialog(LegSide side) {
        return side == LegSide.CALLER ? callerDialog : agentDialog;
    }

    synchronized void callerDialog(Dialog dialog) {
        if (dialog != null) {
            callerDialog = dialog;
        }
    }

    synchronized Request agentAck() {
        return agentAck;
    }

    synchronized Instant answered() {
        return answered;
    }

    synchronized EndReason endReason() {
        return endReason;
    }

    synchronized int finalStatus() {
        return finalStatus;
    }

    /** The leg a request with this Call-ID came from. */
    LegSide sideOf(String callId) {
        return callId.equals(callerCallId) ? LegSide.CALLER : LegSide.AGENT;
    }

    private void cancelTimer() {
        if (noAnswerTimer != null) {
            noAnswerTimer.cancel(false);
            noAnswerTimer = null;
        }
    }

    @Override
    public String toString() {
        return "call " + id + " (" + line.id() + ", caller " + caller + ")";
    }
}
