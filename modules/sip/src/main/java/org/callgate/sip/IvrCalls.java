package org.callgate.sip;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.header.ToHeader;
import javax.sip.message.Response;
import org.callgate.core.PhoneNumber;
import org.callgate.core.call.EndReason;
import org.callgate.core.ivr.CallerFacts;
import org.callgate.core.ivr.IvrMachine;
import org.callgate.core.ivr.IvrOutcome;
import org.callgate.core.ivr.Route;
import org.callgate.core.ivr.RoutingDecision;
import org.callgate.core.media.MediaSession;
import org.callgate.core.sms.SmsException;
import org.callgate.core.sms.SmsMessage;
import org.callgate.sip.sdp.Negotiated;
import org.callgate.sip.sdp.Sdp;
import org.callgate.sip.sdp.SdpException;
import org.callgate.sip.sdp.SdpOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to a line with an IVR: callgate answers the caller itself with its own SDP, runs the
 * IVR on the anchored media, and only then calls the agent queue the IVR chose (R15), offering
 * the caller's codec so that no transcoding is needed when the legs are bridged.
 */
final class IvrCalls {

    private static final Logger LOG = LoggerFactory.getLogger(IvrCalls.class);

    private final SipContext sip;
    private final CallRegistry registry;
    private final AgentCalls agentCalls;
    private final ScheduledExecutorService timers;
    private final CallServices services;
    private final CallEnder ender;
    private final SessionTimers sessionTimers;

    IvrCalls(
            SipContext sip,
            CallRegistry registry,
            AgentCalls agentCalls,
            ScheduledExecutorService timers,
            CallServices services,
            CallEnder ender,
            SessionTimers sessionTimers) {
        this.sessionTimers = sessionTimers;
        this.sip = sip;
        this.registry = registry;
        this.agentCalls = agentCalls;
        this.timers = timers;
        this.services = services;
        this.ender = ender;
    }

    /** Answers the caller with callgate's SDP (or offer, for a late-offer INVITE) and starts the IVR. */
    void answer(B2buaCall call, Sdp offer) throws Exception {
        Negotiated chosen;
        try {
            chosen = offer == null ? Negotiated.DEFAULT : SdpOffers.negotiate(offer);
        } catch (SdpException e) {
            call.media.close();
            sip.respond(call.callerLeg.invite, Response.NOT_ACCEPTABLE_HERE, e.getMessage());
            return;
        }
        MediaSession media = call.media;
        media.relay(false);
        media.caller().payloadTypes(chosen.codec(), chosen.telephoneEvent());
        if (offer != null) {
            media.caller().remote(offer.audioTarget());
        }
        Response ok = okWithSdp(call, offer, chosen);
        CallerFacts facts = callerFacts(call);
        IvrSession ivr = new IvrSession(
                call,
                new IvrMachine(call.line.ivr(), facts),
                services.prompts(),
                timers,
                new Actions(call, chosen, facts));
        call.answeredForIvr(ivr);
        registry.add(call);
        sip.respond(call.callerLeg.invite, ok);
        sessionTimers.callerAnswered(call);
        call.callerLeg.refreshDialog();
        media.established();
        ivr.start();
    }

    private Response okWithSdp(B2buaCall call, Sdp offer, Negotiated chosen) throws Exception {
        InetSocketAddress local = call.media.caller().localRtp();
        String sdp = offer == null
                ? SdpOffers.offer(local.getAddress(), local.getPort(), call.callerLeg.origin)
                : SdpOffers.answer(offer, chosen, local.getAddress(), local.getPort(), call.callerLeg.origin);
        Response ok = sip.response(call.callerLeg.request, Response.OK, null);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(call.callerLeg.tag);
        ok.addHeader(sip.contact(call.callerLeg.transport));
        ok.setContent(sdp, sip.headers.createContentTypeHeader("application", "sdp"));
        sessionTimers.toCallerOk(call, ok);
        return ok;
    }

    /** The caller's number decides the SMS offer (R9) and finds their dossier (R15). */
    private CallerFacts callerFacts(B2buaCall call) {
        return PhoneNumber.tryParse(call.caller)
                .map(number -> new CallerFacts(
                        number.isBelgianMobile(),
                        services.callIndex().identify(number).orElse(null),
                        services.withdrawals().withdrawn(number.e164())))
                .orElse(CallerFacts.UNKNOWN);
    }

    /** What one call's IVR decisions do. */
    private final class Actions implements IvrSession.Actions {
        private final B2buaCall call;
        private final Negotiated callerSide;
        private final CallerFacts facts;

        Actions(B2buaCall call, Negotiated callerSide, CallerFacts facts) {
            this.call = call;
            this.callerSide = callerSide;
            this.facts = facts;
        }

        @Override
        public void connect(IvrOutcome outcome) {
            IvrCalls.this.connect(call, callerSide, facts, outcome);
        }

        @Override
        public void sendSms(String text, String language) {
            SmsMessage message = new SmsMessage(
                    Tags.callId(),
                    call.id,
                    PhoneNumber.parse(call.caller),
                    call.line.id(),
                    language,
                    text,
                    sip.settings.clock().instant());
            try {
                services.sms().send(message);
                LOG.info("{}: SMS link {} handed over", call, message.id());
            } catch (SmsException e) {
                LOG.warn("{}: SMS link {} not sent: {}", call, message.id(), e.getMessage());
            }
        }

        @Override
        public void hangUp() {
            ender.end(call, EndReason.SELF_SERVICE, 0, null, null);
        }
    }

    /** The IVR is done: call the queue it chose, with what the agent side should know. */
    private void connect(B2buaCall call, Negotiated callerSide, CallerFacts facts, IvrOutcome outcome) {
        Route decided = RoutingDecision.decide(call.line, outcome);
        Route route = facts.known() == null
                ? decided
                : decided.withDossier(facts.known().dossier());
        call.route(route);
        LOG.info(
                "{}: IVR done ({}, keys '{}', {}), calling {}",
                call,
                route.reason(),
                route.ivrPath(),
                route.language(),
                route.queueUri());
        InetSocketAddress local = call.media.agent().localRtp();
        String sdp = SdpOffers.offer(
                local.getAddress(),
                local.getPort(),
                call.agentLeg.origin,
                List.of(callerSide.codec()),
                Negotiated.DEFAULT.telephoneEvent());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Callgate-Service", route.service());
        headers.put("X-Callgate-Language", route.language());
        if (!route.ivrPath().isEmpty()) {
            headers.put("X-Callgate-Ivr-Path", route.ivrPath());
        }
        if (route.dossier() != null) {
            headers.put("X-Callgate-Dossier", route.dossier());
        }
        try {
            agentCalls.invite(call, route.queueUri(), sdp, headers);
        } catch (Exception e) {
            LOG.error("{}: cannot call {}", call, route.queueUri(), e);
            ender.end(call, EndReason.FAILED, 0, null, null);
        }
    }
}
