package org.callgate.sip;

import java.text.ParseException;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * Builds the agent-leg INVITE of a call: a new dialog from callgate to the line's queue URI,
 * carrying the caller's identity and callgate's own headers for the call-centre platform.
 *
 * <p>Nothing of the caller's dialog leaks to the agent side (no Call-ID, tags, Via or Contact):
 * that separation is what makes callgate a B2BUA rather than a proxy (RFC 3261 §6, "Back-to-Back
 * User Agent").
 */
final class AgentInviteBuilder {

    private static final List<String> COPIED = List.of("P-Asserted-Identity", "Privacy");

    private final SipContext sip;

    AgentInviteBuilder(SipContext sip) {
        this.sip = sip;
    }

    /**
     * @param queueUri the agent queue to call
     * @param cseq 1, or 2 for the fallback to the default queue: a retried request keeps the
     *     Call-ID with a higher CSeq (RFC 3261 §8.1.3.5); the From tag is new each time
     * @param headers callgate's own headers for the agent side, in order
     */
    Request build(
            B2buaCall call, Request callerInvite, String queueUri, long cseq, String sdp, Map<String, String> headers)
            throws ParseException, InvalidArgumentException {
        URI target = sip.addresses.createURI(queueUri);
        String transport = sip.firstHopTransport(target);
        Request invite = sip.messages.createRequest(
                target,
                Request.INVITE,
                sip.headers.createCallIdHeader(call.agentLeg.callId),
                sip.headers.createCSeqHeader(cseq, Request.INVITE),
                from(call, callerInvite),
                sip.headers.createToHeader(sip.addresses.createAddress(target), null),
                List.of(via(transport)),
                maxForwards(callerInvite));
        sip.routeOut(invite);
        invite.addHeader(sip.contact(transport));
        invite.addHeader(sip.headers.createHeader("X-Callgate-Call-Id", call.id));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            invite.addHeader(sip.headers.createHeader(header.getKey(), header.getValue()));
        }
        copyHeaders(callerInvite, invite);
        invite.setContent(sdp, sip.headers.createContentTypeHeader("application", "sdp"));
        return invite;
    }

    static String transportOf(URI target) {
        if (target instanceof SipURI sipUri && sipUri.isSecure()) {
            return "tls"; // sips: is TLS on every hop (RFC 3261 §19.1; RFC 5630)
        }
        if (target instanceof SipURI sipUri && sipUri.getTransportParam() != null) {
            return sipUri.getTransportParam().toLowerCase(Locale.ROOT);
        }
        return "udp";
    }

    private FromHeader from(B2buaCall call, Request callerInvite) throws ParseException {
        SipURI uri = sip.addresses.createSipURI(call.caller, sip.settings.advertisedHost());
        Address address = sip.addresses.createAddress(uri);
        FromHeader callerFrom = (FromHeader) callerInvite.getHeader(FromHeader.NAME);
        String display = callerFrom.getAddress().getDisplayName();
        if (display != null) {
            address.setDisplayName(display);
        }
        return sip.headers.createFromHeader(address, Tags.next());
    }

    private ViaHeader via(String transport) throws ParseException, InvalidArgumentException {
        ViaHeader via = sip.headers.createViaHeader(
                sip.settings.advertisedHost(), sip.settings.portFor(transport), transport, null);
        via.setRPort();
        return via;
    }

    private MaxForwardsHeader maxForwards(Request callerInvite) throws InvalidArgumentException {
        MaxForwardsHeader callerMax = (MaxForwardsHeader) callerInvite.getHeader(MaxForwardsHeader.NAME);
        int left = callerMax == null ? 70 : callerMax.getMaxForwards() - 1;
        return sip.headers.createMaxForwardsHeader(Math.max(left, 0));
    }

    private static void copyHeaders(Request from, Request to) {
        for (String name : COPIED) {
            ListIterator<?> values = from.getHeaders(name);
            while (values != null && values.hasNext()) {
                to.addHeader((Header) ((Header) values.next()).clone());
            }
        }
    }
}
