package org.callgate.sip;

import gov.nist.javax.sip.ResponseEventExt;
import java.time.Instant;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.core.call.EndReason;
import org.callgate.core.media.LegSide;
import org.callgate.sip.sdp.Negotiated;
import org.callgate.sip.sdp.Sdp;
import org.callgate.sip.sdp.SdpException;
import org.callgate.sip.sdp.SdpOffers;
import org.callgate.sip.sdp.SdpRewriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers from the agent queue to a call's agent-leg INVITE, relayed to the caller: ringing and
 * early media (RFC 3261 §13.2.2.1, RFC 3960), the answer, or the refusal.
 *
 * <p>The agent's 2xx is acknowledged at once, since the caller's offer was already sent with the
 * INVITE; a 2xx that arrives after the caller gave up is acknowledged and ended with BYE (RFC 3261
 * §15, the CANCEL/200 race).
 */
final class AgentResponseHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AgentResponseHandler.class);

    private final SipContext sip;
    private final CallEnder ender;
    private final AgentCalls agentCalls;
    private final CallRecordings recordings;
    private final SessionTimers sessionTimers;

    AgentResponseHandler(
            SipContext sip,
            CallEnder ender,
            AgentCalls agentCalls,
            CallRecordings recordings,
            SessionTimers sessionTimers) {
        this.sessionTimers = sessionTimers;
        this.sip = sip;
        this.ender = ender;
        this.agentCalls = agentCalls;
        this.recordings = recordings;
    }

    void handle(ResponseEvent event, B2buaCall call) throws Exception {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status == Response.TRYING) {
            return;
        }
        ClientTransaction transaction = event.getClientTransaction();
        if (!call.agentLeg.isCurrent(transaction)) {
            abandoned(event, transaction);
        } else if (status < 200) {
            provisional(response, call);
        } else if (status < 300) {
            answered(event, call);
        } else {
            int relayed = relayedStatus(status);
            agentCalls.failed(
                    call,
                    transaction,
                    new AgentCalls.Failure(
                            EndReason.AGENT_REJECTED,
                            status,
                            relayed,
                            relayed == status ? response.getReasonPhrase() : null,
                            LegSide.AGENT));
        }
    }

    /** The agent-leg INVITE got no response at all (Timer B). */
    void timedOut(B2buaCall call, ClientTransaction transaction) {
        agentCalls.failed(call, transaction, AgentCalls.Failure.UNREACHABLE);
    }

    /**
     * A response to an agent-leg INVITE the call gave up for the default queue (R15): whoever
     * rings is cancelled, whoever answers late is acknowledged and sent BYE (RFC 3261 §15).
     */
    private void abandoned(ResponseEvent event, ClientTransaction transaction) throws Exception {
        int status = event.getResponse().getStatusCode();
        if (status < 200) {
            ender.cancel(transaction);
        } else if (status < 300) {
            Dialog dialog = event.getDialog();
            Request ack =
                    dialog.createAck(((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber());
            if (event instanceof ResponseEventExt ext && ext.isRetransmission()) {
                dialog.sendAck(ack);
            } else {
                sip.ack(dialog, ack);
                ender.bye(dialog, EndReason.CALLER_CANCELLED);
            }
        }
    }

    private void provisional(Response response, B2buaCall call) throws Exception {
        if (call.provisionalReceived()) {
            ender.cancelAgentLeg(call); // the caller gave up before the agent side answered anything
            return;
        }
        if (call.state() != CallState.CALLING) {
            return;
        }
        Response relayed = toCaller(call, response.getStatusCode(), response.getReasonPhrase());
        String sdp = Bodies.sdpOf(response);
        if (sdp != null) {
            attachCallerSdp(call, relayed, Sdp.parse(sdp));
        }
        sip.respond(call.callerLeg.invite, relayed);
    }

    private void answered(ResponseEvent event, B2buaCall call) throws Exception {
        Dialog dialog = event.getDialog();
        if (event instanceof ResponseEventExt ext && ext.isRetransmission()) {
            Request ack = call.agentLeg.ack();
            if (ack != null) {
                dialog.sendAck(ack); // the agent did not get our ACK (RFC 3261 §13.2.2.4)
            }
            return;
        }
        Response response = event.getResponse();
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        Request ack = dialog.createAck(cseq);
        if (call.state() == CallState.CONNECTING) {
            bridgeAfterIvr(call, response, dialog, ack);
            return;
        }
        Response ok = answerForCaller(call, response);
        if (ok == null) {
            sip.ack(dialog, ack);
            ender.bye(dialog, EndReason.FAILED);
            ender.end(call, EndReason.FAILED, Response.BAD_GATEWAY, "Agent Answer Without Usable SDP", LegSide.AGENT);
            return;
        }
        Instant at = sip.settings.clock().instant();
        if (!recordings.prepare(call, at)) {
            refuseUnrecorded(call, dialog, ack, Response.SERVICE_UNAVAILABLE);
            return;
        }
        boolean confirmed = call.confirm(dialog, ack, at);
        sip.ack(dialog, ack);
        if (!confirmed) {
            ender.conversationOver(call); // the caller left meanwhile: a prepared recording is ended empty
            ender.bye(dialog, EndReason.CALLER_CANCELLED);
            return;
        }
        sessionTimers.toCallerOk(call, ok);
        sip.respond(call.callerLeg.invite, ok);
        sessionTimers.callerAnswered(call);
        sessionTimers.agentAnswered(call, response);
        call.callerLeg.refreshDialog();
        call.media.established();
        recordings.start(call);
        agentCalls.answered(call);
    }

    /**
     * The agent answered a call whose caller callgate had already answered for the IVR: no
     * message to the caller, the legs are bridged in the media relay (same codec on both legs,
     * since callgate offered the caller's).
     */
    private void bridgeAfterIvr(B2buaCall call, Response response, Dialog dialog, Request ack) throws Exception {
        Sdp answer;
        Negotiated agentSide;
        try {
            String sdp = Bodies.sdpOf(response);
            answer = Sdp.parse(sdp == null ? "" : sdp);
            agentSide = SdpOffers.negotiate(answer);
        } catch (SdpException e) {
            LOG.warn("{}: agent answer unusable: {}", call, e.getMessage());
            sip.ack(dialog, ack);
            ender.bye(dialog, EndReason.FAILED);
            ender.end(call, EndReason.FAILED, 0, null, LegSide.AGENT);
            return;
        }
        Instant at = sip.settings.clock().instant();
        if (!recordings.prepare(call, at)) {
            refuseUnrecorded(call, dialog, ack, 0); // the caller was answered for the IVR: BYE with a Reason
            return;
        }
        boolean confirmed = call.confirm(dialog, ack, at);
        sip.ack(dialog, ack);
        if (!confirmed) {
            ender.conversationOver(call);
            ender.bye(dialog, EndReason.CALLER_HANGUP);
            return;
        }
        call.media.agent().remote(answer.audioTarget());
        call.media.agent().payloadTypes(agentSide.codec(), agentSide.telephoneEvent());
        call.media.relay(true);
        sessionTimers.agentAnswered(call, response);
        recordings.start(call);
        agentCalls.answered(call);
    }

    /**
     * A banking call whose recorder cannot start, under {@code recording.on-failure: refuse}: the
     * agent's answer is acknowledged and ended with BYE, and the caller gets {@code status} (503
     * Recording Unavailable), or BYE with {@code Reason: SIP;cause=503} when already answered
     * (RFC 3326), so that no unrecorded banking conversation takes place (R8).
     */
    private void refuseUnrecorded(B2buaCall call, Dialog dialog, Request ack, int status) throws Exception {
        sip.ack(dialog, ack);
        ender.bye(dialog, EndReason.RECORDER_FAILED);
        ender.end(call, EndReason.RECORDER_FAILED, status, CallRecordings.PHRASE, LegSide.AGENT);
    }

    /** The 200 OK for the caller with the agent's answer rewritten, or null if it is unusable. */
    private Response answerForCaller(B2buaCall call, Response agentOk) throws Exception {
        String sdp = Bodies.sdpOf(agentOk);
        try {
            if (sdp == null) {
                throw SdpException.notAcceptable("2xx without SDP");
            }
            Response ok = toCaller(call, Response.OK, null);
            attachCallerSdp(call, ok, Sdp.parse(sdp));
            return ok;
        } catch (SdpException e) {
            LOG.warn("{}: agent answer unusable: {}", call, e.getMessage());
            return null;
        }
    }

    private Response toCaller(B2buaCall call, int status, String phrase) throws Exception {
        Response response = sip.response(call.callerLeg.request, status, phrase);
        ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(call.callerLeg.tag);
        response.addHeader(sip.contact(call.callerLeg.transport));
        return response;
    }

    private void attachCallerSdp(B2buaCall call, Response response, Sdp agentSdp) throws Exception {
        call.media.agent().remote(agentSdp.audioTarget());
        var local = call.media.caller().localRtp();
        String body = SdpRewriter.rewrite(agentSdp, local.getAddress(), local.getPort(), call.callerLeg.origin);
        response.setContent(body, sip.headers.createContentTypeHeader("application", "sdp"));
    }

    /**
     * The status the caller sees for an agent-side refusal. 503 means "this hop is overloaded"
     * and must not be passed on as if callgate were (RFC 3261 §16.7 item 6 does the same for
     * proxies); redirects are not followed, the queue URI is configuration.
     */
    static int relayedStatus(int status) {
        if (status == Response.SERVICE_UNAVAILABLE) {
            return Response.SERVER_INTERNAL_ERROR;
        }
        if (status < 400) {
            return Response.TEMPORARILY_UNAVAILABLE;
        }
        return status;
    }
}
