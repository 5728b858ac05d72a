package org.callgate.sip;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.core.PhoneNumber;
import org.callgate.core.ServiceLine;
import org.callgate.core.media.MediaControl;
import org.callgate.core.media.MediaSession;
import org.callgate.core.media.MediaUnavailableException;
import org.callgate.sip.sdp.Sdp;
import org.callgate.sip.sdp.SdpException;
import org.callgate.sip.sdp.SdpOffers;
import org.callgate.sip.sdp.SdpRewriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A new call: checks the dialled number against the service lines (R5), the call limit and the
 * offer, anchors the media and sends the agent-leg INVITE to the line's queue.
 *
 * <p>Every refusal is a SIP answer with a reason an operator can read in a trace: 404 for a
 * number that is no service line, 483 when Max-Forwards is spent, 415/400/488 for a body callgate
 * cannot use, 503 with Retry-After when the call limit or the RTP ports are exhausted (RFC 3261
 * §21.5.4, §20.33).
 */
final class InitialInviteHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InitialInviteHandler.class);

    private final SipContext sip;
    private final CallRegistry registry;
    private final MediaControl mediaControl;
    private final AgentCalls agentCalls;
    private final IvrCalls ivrCalls;
    private final MediaEvents mediaEvents;
    private final SetupRateLimit setupRate;
    private final Scope inScope;
    private final SessionTimers sessionTimers;

    InitialInviteHandler(
            SipContext sip,
            CallRegistry registry,
            MediaControl mediaControl,
            CallEnder ender,
            ScheduledExecutorService timers,
            MediaEvents mediaEvents,
            CallServices services,
            AgentCalls agentCalls,
            SessionTimers sessionTimers) {
        this.sessionTimers = sessionTimers;
        this.sip = sip;
        this.registry = registry;
        this.mediaControl = mediaControl;
        this.agentCalls = agentCalls;
        this.ivrCalls = new IvrCalls(sip, registry, agentCalls, timers, services, ender, sessionTimers);
        this.mediaEvents = mediaEvents;
        this.setupRate = new SetupRateLimit(sip.settings.maxSetupRate(), sip.settings.clock());
        this.inScope = new Scope(sip.settings.directory(), sip.settings.outbound());
    }

    void handle(RequestEvent event, ServerTransaction transaction) throws Exception {
        Request invite = event.getRequest();
        Scope.Decision scope = inScope.of(invite);
        if (scope instanceof Scope.Decision.Refused refused) {
            sip.respond(transaction, refused.status(), refused.reason());
            return;
        }
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) invite.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() == 0) {
            sip.respond(transaction, Response.TOO_MANY_HOPS, null);
            return;
        }
        if (sessionTimers.refusedAsTooSmall(transaction)) {
            return;
        }
        if (registry.size() >= sip.settings.maxCalls()) {
            refuseOverload(transaction, "Call Limit Reached");
            return;
        }
        if (!setupRate.admit()) {
            refuseOverload(transaction, "Call Setup Rate Exceeded");
            return;
        }
        Sdp offer;
        try {
            offer = offerOf(invite);
        } catch (SdpException e) {
            sip.respond(
                    transaction, e.malformed() ? Response.BAD_REQUEST : Response.NOT_ACCEPTABLE_HERE, e.getMessage());
            return;
        } catch (UnsupportedBodyException e) {
            sip.respond(transaction, Response.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
            return;
        }
        // Accepted for processing: 100 Trying stops the caller's INVITE retransmissions (RFC 3261
        // §17.2.1) before the slowest step, binding the call's media ports.
        sip.respond(transaction, Response.TRYING, null);
        String callId = Tags.callId();
        MDC.put("call", callId);
        MediaSession media;
        try {
            media = mediaControl.open(callId, mediaEvents);
        } catch (MediaUnavailableException e) {
            LOG.warn("refusing call: {}", e.getMessage());
            refuseOverload(transaction, "No Media Ports Available");
            return;
        }
        start(invite, transaction, scope, offer, callId, media);
    }

    private void start(
            Request invite,
            ServerTransaction transaction,
            Scope.Decision scope,
            Sdp offer,
            String callId,
            MediaSession media)
            throws Exception {
        if (scope instanceof Scope.Decision.Callback callback) {
            // The customer is the other party: the summary's caller is whom the agent called back.
            B2buaCall call = new B2buaCall(
                    callId,
                    callback.line(),
                    callback.service(),
                    callback.customer(),
                    sip.settings.clock().instant(),
                    transaction,
                    media);
            sessionTimers.callerInvited(call);
            relay(
                    call,
                    offer,
                    callback.target(),
                    Map.of(Scope.SERVICE, callback.service(), "X-Callgate-Direction", "callback"));
            return;
        }
        ServiceLine line = ((Scope.Decision.Inbound) scope).line();
        B2buaCall call = newCall(transaction, line, callerOf(invite), callId, media);
        sessionTimers.callerInvited(call);
        if (line.ivrPlan().isPresent()) {
            ivrCalls.answer(call, offer);
        } else {
            relay(call, offer, line.queueUri(), Map.of("X-Callgate-Service", line.id()));
        }
    }

    private B2buaCall newCall(
            ServerTransaction transaction, ServiceLine line, String party, String callId, MediaSession media) {
        return new B2buaCall(callId, line, party, sip.settings.clock().instant(), transaction, media);
    }

    /** No IVR (a line without one, or a callback): the offer goes to the target at once, rewritten. */
    private void relay(B2buaCall call, Sdp offer, String target, Map<String, String> headers) throws Exception {
        MediaSession media = call.media;
        InetSocketAddress local = media.agent().localRtp();
        String agentSdp;
        try {
            agentSdp = offer == null
                    ? SdpOffers.offer(local.getAddress(), local.getPort(), call.agentLeg.origin)
                    : SdpRewriter.rewrite(offer, local.getAddress(), local.getPort(), call.agentLeg.origin);
        } catch (SdpException e) {
            media.close();
            sip.respond(call.callerLeg.invite, Response.NOT_ACCEPTABLE_HERE, e.getMessage());
            return;
        }
        if (offer != null) {
            media.caller().remote(offer.audioTarget());
        }
        registry.add(call);
        LOG.debug("{} calling {}", call, target);
        agentCalls.invite(call, target, agentSdp, headers);
    }

    private void refuseOverload(ServerTransaction transaction, String reason) throws Exception {
        Response busy = sip.response(transaction.getRequest(), Response.SERVICE_UNAVAILABLE, reason);
        RetryAfterHeader retry = sip.headers.createRetryAfterHeader(
                (int) sip.settings.retryAfter().toSeconds());
        busy.addHeader(retry);
        sip.respond(transaction, busy);
    }

    private static Sdp offerOf(Request invite) throws SdpException, UnsupportedBodyException {
        byte[] body = invite.getRawContent();
        if (body == null || body.length == 0) {
            return null; // late offer: callgate offers to the agent (RFC 3261 §13.2.1)
        }
        if (!Bodies.isSdp(invite)) {
            throw new UnsupportedBodyException("Only application/sdp bodies are accepted");
        }
        return Sdp.parse(new String(body, StandardCharsets.UTF_8));
    }

    /** The number the caller dialled: the Request-URI user part, or a tel: URI's number. */
    static String dialledNumber(URI requestUri) {
        if (requestUri instanceof SipURI sipUri) {
            return sipUri.getUser() == null ? "" : sipUri.getUser();
        }
        if (requestUri instanceof TelURL tel) {
            return (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber();
        }
        return "";
    }

    private static String callerOf(Request invite) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        String user = dialledNumber(from.getAddress().getURI());
        return PhoneNumber.tryParse(user).map(PhoneNumber::e164).orElse(user.isEmpty() ? "anonymous" : user);
    }

    /** A body of a type other than SDP on an INVITE. */
    static final class UnsupportedBodyException extends Exception {
        UnsupportedBodyException(String message) {
            super(message);
        }
    }
}
