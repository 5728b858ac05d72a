package org.callgate.sip;

import java.net.InetSocketAddress;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.core.call.EndReason;
import org.callgate.core.media.LegSide;
import org.callgate.core.media.MediaLeg;
import org.callgate.sip.sdp.Negotiated;
import org.callgate.sip.sdp.Sdp;
import org.callgate.sip.sdp.SdpException;
import org.callgate.sip.sdp.SdpOffers;
import org.callgate.sip.sdp.SdpOrigin;
import org.callgate.sip.sdp.SdpRewriter;

/**
 * Requests inside a call's dialogs: BYE ends the call; re-INVITE (hold, resume, codec change),
 * UPDATE, INFO and the rest are relayed to the other leg with any SDP rewritten, and the other
 * leg's answer comes back the same way (RFC 3261 §12.2, §14; RFC 3311; RFC 6086).
 */
final class InDialogHandler {

    /** What the caller may send in the dialog while callgate is its peer. */
    static final String IN_IVR_ALLOWED = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, UPDATE";

    /** Retry-After of a 500 to an INVITE that overtook the one before it (RFC 3261 §14.2: 0 to 10 s). */
    private static final int RETRY_AFTER_SECONDS = 2;

    private final SipContext sip;
    private final CallEnder ender;
    private final SurveyCalls surveys;
    private final CallerOffers offers;
    private final SessionTimers sessionTimers;

    InDialogHandler(SipContext sip, CallEnder ender, SurveyCalls surveys, SessionTimers sessionTimers) {
        this.sip = sip;
        this.ender = ender;
        this.surveys = surveys;
        this.sessionTimers = sessionTimers;
        this.offers = new CallerOffers(sip, sessionTimers);
    }

    void handle(RequestEvent event, ServerTransaction transaction, B2buaCall call, LegSide from) throws Exception {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.BYE.equals(method)) {
            bye(transaction, call, from);
        } else if (callgateAnswers(call.state(), from)) {
            answerHere(transaction, call, method);
        } else if (Request.INVITE.equals(method)) {
            reInvite(transaction, call, from);
        } else {
            relay(transaction, call, from);
        }
    }

    /**
     * Is callgate itself the caller's peer? In the IVR, while the queue rings and in the survey
     * (R10), the caller's in-dialog requests are answered here, not relayed: there is no agent to
     * relay them to.
     */
    private static boolean callgateAnswers(CallState state, LegSide from) {
        return from == LegSide.CALLER
                && (state == CallState.IVR || state == CallState.CONNECTING || state == CallState.SURVEY);
    }

    /** The caller's request while callgate is its peer: see docs/sip.md, "Requests in each phase". */
    private void answerHere(ServerTransaction transaction, B2buaCall call, String method) throws Exception {
        switch (method) {
            case Request.INVITE, Request.UPDATE -> offers.answer(transaction, call);
            case Request.INFO -> dtmfInfo(transaction, call);
            case Request.OPTIONS -> sip.respond(transaction, Response.OK, null);
            default -> {
                Response refused = sip.response(transaction.getRequest(), Response.METHOD_NOT_ALLOWED, null);
                refused.addHeader(sip.headers.createAllowHeader(IN_IVR_ALLOWED));
                sip.respond(transaction, refused);
            }
        }
    }

    /**
     * A key sent as SIP INFO while the caller is in the IVR ({@code application/dtmf-relay} or
     * {@code application/dtmf}, the de-facto formats of RFC 6086's era), or in the post-call survey
     * (R10): answered here, not relayed.
     */
    private void dtmfInfo(ServerTransaction transaction, B2buaCall call) {
        Request info = transaction.getRequest();
        char key = DtmfInfo.keyOf(info);
        if (key == 0) {
            sip.respond(transaction, Response.UNSUPPORTED_MEDIA_TYPE, "Expected application/dtmf-relay");
            return;
        }
        sip.respond(transaction, Response.OK, null);
        call.dialogues.digit(key);
    }

    /** An ACK: a late-offer caller puts its answer here (RFC 3261 §13.2.1). */
    void ack(Request ack, B2buaCall call, LegSide from) {
        String sdp = Bodies.sdpOf(ack);
        if (sdp == null) {
            return;
        }
        try {
            Sdp answer = Sdp.parse(sdp);
            if (callgateAnswers(call.state(), from)) {
                offers.acknowledged(call, answer);
                return;
            }
            call.media.leg(from).remote(answer.audioTarget());
            Negotiated chosen = SdpOffers.negotiate(answer);
            call.media.leg(from).payloadTypes(chosen.codec(), chosen.telephoneEvent());
        } catch (SdpException ignored) {
            // Too late to refuse an ACK; the leg still latches on the first RTP packet.
        }
    }

    /**
     * A BYE ends the call, except an agent's BYE to a caller who consented to the survey: the
     * caller stays on the line for it (R10). A caller hanging up during the survey ends a call the
     * agent ended, and keeps the answers given so far.
     */
    private void bye(ServerTransaction transaction, B2buaCall call, LegSide from) {
        CallState state = call.state();
        if (state == CallState.SURVEY && from == LegSide.AGENT) {
            // The agent's dialog ended with its first BYE; the caller's survey goes on.
            sip.respond(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        sip.respond(transaction, Response.OK, null);
        if (state == CallState.CALLING && from == LegSide.CALLER) {
            ender.end(call, EndReason.CALLER_CANCELLED, Response.REQUEST_TERMINATED, null, LegSide.CALLER);
        } else if (state == CallState.SURVEY) {
            ender.end(call, EndReason.AGENT_HANGUP, 0, null, from);
        } else if (state == CallState.CONFIRMED && from == LegSide.AGENT && surveys.afterAgentHangUp(call)) {
            ender.conversationOver(call);
        } else {
            ender.end(call, from == LegSide.CALLER ? EndReason.CALLER_HANGUP : EndReason.AGENT_HANGUP, 0, null, from);
        }
    }

    /**
     * A re-INVITE in an established call is relayed, one at a time. While one is out, the same
     * side's next INVITE gets 500 with Retry-After and the other side's gets 491: that one is
     * glare, both ends of a leg offering at once (RFC 3261 §14.2).
     */
    private void reInvite(ServerTransaction transaction, B2buaCall call, LegSide from) throws Exception {
        LegSide pending = call.beginReInvite(from);
        if (pending == from) {
            Response busy =
                    sip.response(transaction.getRequest(), Response.SERVER_INTERNAL_ERROR, "Previous INVITE Pending");
            busy.setHeader(sip.headers.createRetryAfterHeader(RETRY_AFTER_SECONDS));
            sip.respond(transaction, busy);
            return;
        }
        if (pending != null) {
            sip.respond(transaction, Response.REQUEST_PENDING, null);
            return;
        }
        if (!relay(transaction, call, from)) {
            call.endReInvite();
        }
    }

    /** Relays a request to the other leg; false if it was answered here instead. */
    private boolean relay(ServerTransaction transaction, B2buaCall call, LegSide from) throws Exception {
        Dialog other = call.dialog(from.other());
        if (call.state() != CallState.CONFIRMED || other == null) {
            sip.respond(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "Call Not Established");
            return false;
        }
        Request incoming = transaction.getRequest();
        Request outgoing = other.createRequest(incoming.getMethod());
        try {
            copyBody(incoming, outgoing, call, from);
        } catch (SdpException e) {
            sip.respond(
                    transaction, e.malformed() ? Response.BAD_REQUEST : Response.NOT_ACCEPTABLE_HERE, e.getMessage());
            return false;
        }
        if (Request.INVITE.equals(incoming.getMethod()) || Request.UPDATE.equals(incoming.getMethod())) {
            outgoing.setHeader(sip.contact(
                    AgentInviteBuilder.transportOf(other.getRemoteTarget().getURI())));
            sessionTimers.toRelayed(call, from.other(), outgoing);
        }
        ClientTransaction relayed = sip.provider.getNewClientTransaction(outgoing);
        relayed.setApplicationData(new TxContext.Relayed(call, from, transaction));
        other.sendRequest(relayed);
        return true;
    }

    /** The other leg answered a relayed request: pass the answer back, SDP rewritten. */
    void relayedResponse(ResponseEvent event, TxContext.Relayed relayed) throws Exception {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        B2buaCall call = relayed.call();
        String method = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
        if (Request.INVITE.equals(method) && status < 300) {
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            event.getDialog().sendAck(event.getDialog().createAck(cseq));
        }
        Response back = sip.response(relayed.origin().getRequest(), status, response.getReasonPhrase());
        try {
            copyBody(response, back, call, relayed.from().other());
        } catch (SdpException e) {
            back = sip.response(relayed.origin().getRequest(), Response.NOT_ACCEPTABLE_HERE, e.getMessage());
        }
        if ((Request.INVITE.equals(method) || Request.UPDATE.equals(method)) && status < 300) {
            back.addHeader(sip.contact(
                    relayed.from() == LegSide.CALLER
                            ? call.callerLeg.transport
                            : AgentInviteBuilder.transportOf(
                                    call.dialog(LegSide.AGENT).getRemoteTarget().getURI())));
            sessionTimers.relayAnswered(call, relayed.from().other(), response);
            sessionTimers.refreshedBy(call, relayed.from(), relayed.origin().getRequest(), back);
        }
        sip.respond(relayed.origin(), back);
        if (Request.INVITE.equals(method)) {
            call.endReInvite();
        }
    }

    void relayTimedOut(TxContext.Relayed relayed) {
        sip.respond(relayed.origin(), Response.REQUEST_TIMEOUT, null);
        if (Request.INVITE.equals(relayed.origin().getRequest().getMethod())) {
            relayed.call().endReInvite();
        }
    }

    /**
     * Copies a body from a message that came from {@code from} to the message for the other leg;
     * SDP is rewritten to callgate's address on that leg, and the sender's leg re-latches.
     */
    private void copyBody(Message in, Message out, B2buaCall call, LegSide from) throws Exception {
        byte[] raw = in.getRawContent();
        if (raw == null || raw.length == 0) {
            return;
        }
        ContentTypeHeader type = (ContentTypeHeader) in.getHeader(ContentTypeHeader.NAME);
        String sdp = Bodies.sdpOf(in);
        if (sdp == null) {
            out.setContent(raw, type == null ? null : (ContentTypeHeader) type.clone());
            return;
        }
        Sdp parsed = Sdp.parse(sdp);
        MediaLeg target = call.media.leg(from.other());
        InetSocketAddress local = target.localRtp();
        SdpOrigin origin = from == LegSide.CALLER ? call.agentLeg.origin : call.callerLeg.origin;
        out.setContent(SdpRewriter.rewrite(parsed, local.getAddress(), local.getPort(), origin), (ContentTypeHeader)
                type.clone());
        call.media.leg(from).remote(parsed.audioTarget());
    }
}
