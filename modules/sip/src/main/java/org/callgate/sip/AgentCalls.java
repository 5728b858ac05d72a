package org.callgate.sip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.core.PhoneNumber;
import org.callgate.core.call.CallObserver;
import org.callgate.core.call.EndReason;
import org.callgate.core.call.LiveCall;
import org.callgate.core.ivr.IvrPlan;
import org.callgate.core.media.LegSide;
import org.callgate.core.recording.Recording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places the agent leg of a call: takes the call's recording decision (once, when the route is
 * known: product rule 4), builds the INVITE, sends it in a new client transaction and arms the
 * no-answer timer. The same for calls relayed at once, callbacks and calls that went through the IVR.
 *
 * <p>When the queue the IVR chose fails (a final error, no response, no answer), the call is
 * offered once to the line's default queue with the same headers, so that the caller still reaches
 * a person (R15); only when that fails too does the call end.
 */
final class AgentCalls {

    private static final Logger LOG = LoggerFactory.getLogger(AgentCalls.class);

    /** How an agent-leg INVITE failed, and what the caller gets if the call ends of it. */
    record Failure(EndReason reason, int status, int relayed, String phrase, LegSide hungUp) {

        static final Failure NO_ANSWER = new Failure(
                EndReason.NO_ANSWER,
                Response.TEMPORARILY_UNAVAILABLE,
                Response.TEMPORARILY_UNAVAILABLE,
                "No Answer",
                null);
        /** Timer B fired: treated as a 408 (RFC 3261 §8.1.3.1). */
        static final Failure UNREACHABLE = new Failure(
                EndReason.AGENT_UNREACHABLE,
                Response.REQUEST_TIMEOUT,
                Response.REQUEST_TIMEOUT,
                "Agent Queue Unreachable",
                LegSide.AGENT);
    }

    private final SipContext sip;
    private final CallEnder ender;
    private final ScheduledExecutorService timers;
    private final CallServices services;
    private final AgentInviteBuilder invites;
    private final SessionTimers sessionTimers;
    private final CallObserver observer;

    AgentCalls(
            SipContext sip,
            CallEnder ender,
            ScheduledExecutorService timers,
            CallServices services,
            CallObserver observer,
            SessionTimers sessionTimers) {
        this.sessionTimers = sessionTimers;
        this.sip = sip;
        this.observer = observer;
        this.ender = ender;
        this.timers = timers;
        this.services = services;
        this.invites = new AgentInviteBuilder(sip);
    }

    /** Calls {@code queueUri} with callgate's headers plus {@code X-Callgate-Recording}. */
    void invite(B2buaCall call, String queueUri, String sdp, Map<String, String> headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-Callgate-Recording", recordingOf(call).headerValue());
        send(call, new AgentAttempt(queueUri, sdp, all));
    }

    /**
     * The agent-leg INVITE {@code failed} failed: falls back to the line's default queue when the
     * call may (see {@link B2buaCall#fallBack}), else ends the call. Ignored for an INVITE that is
     * no longer the call's current one.
     */
    void failed(B2buaCall call, ClientTransaction failed, Failure failure) {
        if (!call.agentLeg.isCurrent(failed)) {
            return;
        }
        AgentAttempt next = call.fallBack(failed, failure.status(), defaultQueue(call));
        if (next == null) {
            ender.end(call, failure.reason(), failure.relayed(), failure.phrase(), failure.hungUp());
            return;
        }
        LOG.warn(
                "{}: agent queue failed ({} {}), falling back to the line's default queue {} (R15)",
                call,
                failure.status(),
                failure.reason(),
                next.queueUri());
        if (failure.reason() == EndReason.NO_ANSWER) {
            ender.cancel(failed); // still ringing; a late answer is turned down by AgentResponseHandler
        }
        try {
            send(call, next);
        } catch (Exception e) {
            LOG.error("{}: cannot call {}", call, next.queueUri(), e);
            ender.end(call, EndReason.FAILED, 0, null, null);
        }
    }

    private void send(B2buaCall call, AgentAttempt attempt) throws Exception {
        long cseq = call.agentLeg.fallback() == null ? 1L : 2L;
        Request invite =
                invites.build(call, call.callerLeg.request, attempt.queueUri(), cseq, attempt.sdp(), attempt.headers());
        sessionTimers.toAgentInvite(call, invite);
        ClientTransaction outgoing = sip.provider.getNewClientTransaction(invite);
        outgoing.setApplicationData(new TxContext.AgentInvite(call));
        ScheduledFuture<?> timer = noAnswerTimer(call, outgoing);
        if (!call.agentInviteSent(outgoing, timer, attempt)) {
            timer.cancel(false); // the caller hung up meanwhile
            return;
        }
        outgoing.sendRequest();
        tell(call, attempt.queueUri(), LiveCall.State.ROUTING);
    }

    /** An agent answered {@code call}: the live panel hears of it (R15). */
    void answered(B2buaCall call) {
        tell(call, null, LiveCall.State.ANSWERED);
    }

    /** Tells the observer, which must not block; its failure never touches the call. */
    private void tell(B2buaCall call, String queueUri, LiveCall.State state) {
        var route = call.route();
        LiveCall live = new LiveCall(
                call.id,
                call.service(),
                queueUri,
                call.caller,
                state,
                sip.settings.clock().instant(),
                route == null ? null : route.dossier(),
                null);
        try {
            if (state == LiveCall.State.ROUTING) {
                observer.callRouted(live);
            } else {
                observer.callAnswered(live);
            }
        } catch (RuntimeException e) {
            LOG.error("{}: call observer failed", call, e);
        }
    }

    /** The call's recording decision, taken the first time its agent leg is called and then kept. */
    private Recording recordingOf(B2buaCall call) {
        Recording fixed = call.recording();
        if (fixed != null) {
            return fixed;
        }
        String service = call.service();
        boolean objected = PhoneNumber.tryParse(call.caller)
                .map(number -> services.objections().objects(number.e164()))
                .orElse(false);
        IvrSession ivr = call.dialogues.ivr();
        Boolean consent = ivr == null ? null : ivr.trace().surveyConsent();
        Recording decided = call.fixRecording(services.recording().decide(call.id, service, objected, consent));
        LOG.debug("{}: recording {} (service {})", call, decided.headerValue(), service); // the CDR says it too
        return decided;
    }

    private static String defaultQueue(B2buaCall call) {
        return call.line.ivrPlan().map(IvrPlan::defaultQueue).orElse(call.line.queueUri());
    }

    private ScheduledFuture<?> noAnswerTimer(B2buaCall call, ClientTransaction attempt) {
        return timers.schedule(
                () -> failed(call, attempt, Failure.NO_ANSWER),
                sip.settings.noAnswerTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
