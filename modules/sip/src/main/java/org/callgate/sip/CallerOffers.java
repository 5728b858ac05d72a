package org.callgate.sip;

import java.net.InetSocketAddress;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.core.media.LegSide;
import org.callgate.core.media.MediaLeg;
import org.callgate.sip.sdp.Direction;
import org.callgate.sip.sdp.Negotiated;
import org.callgate.sip.sdp.Sdp;
import org.callgate.sip.sdp.SdpException;
import org.callgate.sip.sdp.SdpOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers from the caller while callgate itself is the caller's media peer: in the IVR, while the
 * agent queue rings, and in the survey (R10). A re-INVITE or UPDATE then is answered here with 200
 * and callgate's SDP (RFC 3264 §8; RFC 3311 §5.2): a hold (sendonly, inactive, or the RFC 2543
 * {@code c=0.0.0.0}) is answered recvonly or inactive and pauses the prompt and the menu's timers
 * until the caller resumes; a codec change is followed; a request without an offer gets
 * callgate's offer, answered in the ACK (RFC 3261 §14.2). Mobile networks send such re-INVITEs
 * for hold and for session refreshes; a 491 would only make them retry.
 */
final class CallerOffers {

    private static final Logger LOG = LoggerFactory.getLogger(CallerOffers.class);

    private final SipContext sip;
    private final SessionTimers sessionTimers;

    CallerOffers(SipContext sip, SessionTimers sessionTimers) {
        this.sip = sip;
        this.sessionTimers = sessionTimers;
    }

    /** Answers the caller's re-INVITE or UPDATE. */
    void answer(ServerTransaction transaction, B2buaCall call) throws Exception {
        Request request = transaction.getRequest();
        String body = Bodies.sdpOf(request);
        if (body == null && request.getRawContent() != null && request.getRawContent().length > 0) {
            sip.respond(transaction, Response.UNSUPPORTED_MEDIA_TYPE, "Only application/sdp");
            return;
        }
        String sdp;
        if (body == null) {
            sdp = Request.INVITE.equals(request.getMethod()) ? offer(call) : null;
        } else {
            try {
                sdp = answer(call, Sdp.parse(body));
            } catch (SdpException e) {
                sip.respond(
                        transaction,
                        e.malformed() ? Response.BAD_REQUEST : Response.NOT_ACCEPTABLE_HERE,
                        e.getMessage());
                return;
            }
        }
        Response ok = sip.response(request, Response.OK, null);
        ok.addHeader(sip.contact(call.callerLeg.transport));
        if (sdp != null) {
            ok.setContent(sdp, sip.headers.createContentTypeHeader("application", "sdp"));
        }
        sessionTimers.refreshedBy(call, LegSide.CALLER, request, ok);
        sip.respond(transaction, ok);
    }

    /**
     * The caller's SDP answer in an ACK, to callgate's offer in a 200 (RFC 3261 §13.2.1, §14.2):
     * it may put the call on hold too.
     */
    void acknowledged(B2buaCall call, Sdp answer) throws SdpException {
        Negotiated chosen = SdpOffers.negotiate(answer);
        follow(call, answer, chosen, Direction.of(answer));
    }

    private String answer(B2buaCall call, Sdp offer) throws SdpException {
        Negotiated chosen = SdpOffers.negotiate(offer);
        Direction offered = Direction.of(offer);
        follow(call, offer, chosen, offered);
        InetSocketAddress local = call.media.caller().localRtp();
        return SdpOffers.answer(
                offer, chosen, local.getAddress(), local.getPort(), call.callerLeg.origin, offered.answer());
    }

    private String offer(B2buaCall call) {
        InetSocketAddress local = call.media.caller().localRtp();
        return SdpOffers.offer(local.getAddress(), local.getPort(), call.callerLeg.origin);
    }

    /** Points the caller's leg at the new description and holds or resumes what callgate plays. */
    private static void follow(B2buaCall call, Sdp sdp, Negotiated chosen, Direction direction) {
        MediaLeg leg = call.media.caller();
        leg.remote(sdp.audioTarget());
        leg.payloadTypes(chosen.codec(), chosen.telephoneEvent());
        boolean held = !direction.receives();
        leg.hold(held);
        call.dialogues.hold(held);
        LOG.info("{}: caller {} ({}, {})", call, held ? "holds" : "takes the call", direction, chosen.codec());
    }
}
