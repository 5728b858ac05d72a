package org.callgate.sip;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.callgate.core.ServiceLine;
import org.callgate.core.call.EndReason;
import org.callgate.core.ivr.Route;
import org.callgate.core.media.LegSide;
import org.callgate.core.media.MediaSession;
import org.callgate.core.recording.Recording;
import org.callgate.sip.sdp.SdpOrigin;

/**
 * One call through the B2BUA (RFC 3261 §6): the caller's dialog ({@link CallerLeg}), the agent
 * queue's dialog ({@link AgentLeg}), what callgate says to the caller itself ({@link
 * CallerDialogues}), the media session that joins them, and the call's phase ({@link CallState})
 * with the facts its summary reports.
 *
 * <p>Signalling events for one call may arrive on different stack threads (the listener is
 * re-entrant), so every read-modify-write of the state happens while holding this object's lock;
 * the legs and dialogues share it, so that a phase change and the leg state it goes with change
 * together. Handlers hold the lock only to change state, never across blocking work.
 */
final class B2buaCall {

    final String id;
    final ServiceLine line;
    final String caller;
    final Instant started;
    final MediaSession media;
    final CallerLeg callerLeg;
    final AgentLeg agentLeg;
    final CallerDialogues dialogues;
    /** Each leg's session timer (RFC 4028). */
    final LegTimers legTimers = new LegTimers();
    /** The service before any IVR choice: the line's id, or the one a callback states (R5). */
    private final String lineService;

    private CallState state = CallState.CALLING;
    /** The side whose re-INVITE is being relayed, null when none is. */
    private LegSide reInviteFrom;

    private Instant answered;
    private EndReason endReason;
    private int finalStatus;
    private Route route;
    private Recording recording;

    /**
     * @param id callgate's call id; the agent leg's Call-ID is made from it
     * @param caller the caller's number, E.164 when it could be normalised
     * @param callerInvite the caller's INVITE
     */
    B2buaCall(
            String id,
            ServiceLine line,
            String caller,
            Instant started,
            ServerTransaction callerInvite,
            MediaSession media) {
        this(id, line, line.id(), caller, started, callerInvite, media);
    }

    /** @param service the call's service until the IVR chooses one: a callback's stated service (R5) */
    B2buaCall(
            String id,
            ServiceLine line,
            String service,
            String caller,
            Instant started,
            ServerTransaction callerInvite,
            MediaSession media) {
        this.id = id;
        this.lineService = service;
        this.line = line;
        this.caller = caller;
        this.started = started;
        this.media = media;
        long originSeed = id.hashCode();
        this.callerLeg = new CallerLeg(this, callerInvite, Tags.next(), new SdpOrigin(originSeed));
        this.agentLeg = new AgentLeg(this, id + "@callgate", new SdpOrigin(originSeed >>> 7));
        this.dialogues = new CallerDialogues(this);
    }

    /** The agent-leg INVITE is about to go out; false if the call ended meanwhile (then it must not). */
    synchronized boolean agentInviteSent(ClientTransaction transaction, ScheduledFuture<?> timer, AgentAttempt sent) {
        if (state == CallState.TERMINATED) {
            return false;
        }
        agentLeg.sent(transaction, timer, sent);
        if (state == CallState.IVR) {
            state = CallState.CONNECTING;
        }
        return true;
    }

    /**
     * The agent-leg INVITE {@code failed} got a final error: once per call, for a call that went
     * through the IVR to a queue other than {@code defaultQueue}, records the fallback and returns
     * what to send there (R15); otherwise null, and the call is to end.
     */
    synchronized AgentAttempt fallBack(ClientTransaction failed, int status, String defaultQueue) {
        return state == CallState.CONNECTING ? agentLeg.fallBack(failed, status, defaultQueue) : null;
    }

    /** The recording decision, null until the agent leg is first called. */
    synchronized Recording recording() {
        return recording;
    }

    /**
     * The recorder of a call that was to be recorded could not start: the decision is kept with
     * the reason {@code recorder-failed}, so the summary, the CDR and the trace say so (R8).
     */
    synchronized Recording recorderFailed() {
        if (recording != null && recording.recorded()) {
            recording = recording.failed();
        }
        return recording;
    }

    /**
     * The service the call concerns (R4, R8): the IVR's choice, else the callback's stated
     * service, else the line's id.
     */
    synchronized String service() {
        return route == null ? lineService : route.service();
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
        dialogues.ivr(session);
        finalStatus = 200;
        return true;
    }

    /** The agent hung up and the caller stays for the survey: CONFIRMED → SURVEY (R10). */
    synchronized boolean beginSurvey(SurveySession session) {
        if (state != CallState.CONFIRMED) {
            return false;
        }
        state = CallState.SURVEY;
        dialogues.survey(session);
        return true;
    }

    /** Where the IVR sent the call; null for calls without IVR. */
    synchronized Route route() {
        return route;
    }

    synchronized void route(Route chosen) {
        route = chosen;
    }

    synchronized CallState state() {
        return state;
    }

    /** Records that a provisional response came; true if a CANCEL is now owed to the agent leg. */
    synchronized boolean provisionalReceived() {
        return agentLeg.provisionalReceived() && state == CallState.TERMINATED;
    }

    /** Moves CALLING or CONNECTING → CONFIRMED; false if the call already ended (a late 2xx to be torn down). */
    synchronized boolean confirm(Dialog agent, Request ack, Instant at) {
        if (state != CallState.CALLING && state != CallState.CONNECTING) {
            return false;
        }
        state = CallState.CONFIRMED;
        agentLeg.answered(agent, ack);
        answered = at;
        finalStatus = 200;
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
        agentLeg.stopTimer();
        legTimers.stop();
        dialogues.stop();
        return was;
    }

    /**
     * Starts relaying a re-INVITE from {@code from}.
     *
     * @return null when started; else the side whose re-INVITE is still being relayed: the other
     *     side means glare (491), the same side a second INVITE before the first was answered
     *     (500 with Retry-After), both RFC 3261 §14.2
     */
    synchronized LegSide beginReInvite(LegSide from) {
        if (reInviteFrom != null) {
            return reInviteFrom;
        }
        reInviteFrom = from;
        return null;
    }

    synchronized void endReInvite() {
        reInviteFrom = null;
    }

    /** The dialog of one leg, null while that leg has none. */
    Dialog dialog(LegSide side) {
        return side == LegSide.CALLER ? callerLeg.dialog() : agentLeg.dialog();
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
        return callId.equals(callerLeg.callId) ? LegSide.CALLER : LegSide.AGENT;
    }

    @Override
    public String toString() {
        return "call " + id + " (" + line.id() + ", caller " + caller + ")";
    }
}
