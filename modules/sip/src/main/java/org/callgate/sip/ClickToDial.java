package org.callgate.sip;

import java.net.InetAddress;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * A callback an agent starts from the web UI (R5): callgate asks the agent's phone, through the
 * call-centre platform, to call the customer, with an out-of-dialog REFER (RFC 3515) whose
 * Refer-To is the customer's number at callgate with the service line as a header ({@code
 * X-Callgate-Service}, RFC 3261 §19.1.5). The phone's INVITE then takes the callback path every
 * agent callback takes: from the platform's addresses only, out through the trunk, as that line's
 * call for recording and retention.
 *
 * <p>{@code Refer-Sub: false} (RFC 4488) asks for no implicit subscription: callgate learns
 * whether the phone accepted the REFER (202) and what became of the call from the call itself,
 * not from NOTIFYs.
 *
 * <p>The phone must be at one of {@code outbound.allowed-sources}: callgate refers only phones of
 * the platform, so the web API cannot make it send requests elsewhere.
 */
final class ClickToDial {

    /** E.164: a plus and 8 to 15 digits. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final SipContext sip;

    ClickToDial(SipContext sip) {
        this.sip = sip;
    }

    /**
     * Sends the REFER; the future completes with the phone's final status, or 408 when it never
     * answered (Timer F).
     *
     * @throws IllegalArgumentException when the phone is not a SIP URI at an allowed source, the
     *     number is not E.164 or the service is not a line id
     * @throws IllegalStateException when callbacks are off (no outbound trunk)
     */
    CompletableFuture<Integer> refer(String phone, String e164, String service)
            throws ParseException, InvalidArgumentException, SipException {
        Outbound outbound = sip.settings.outbound();
        if (!outbound.enabled()) {
            throw new IllegalStateException("callbacks are off: no outbound trunk is configured");
        }
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("not a service line id: " + service);
        }
        SipURI target = phoneUri(phone, outbound);
        String transport = sip.firstHopTransport(target);
        ViaHeader via = sip.headers.createViaHeader(
                sip.settings.advertisedHost(), sip.settings.portFor(transport), transport, null);
        via.setRPort();
        SipURI self = sip.addresses.createSipURI("callgate", sip.settings.advertisedHost());
        self.setPort(sip.settings.port());
        Request refer = sip.messages.createRequest(
                target,
                Request.REFER,
                sip.headers.createCallIdHeader(Tags.callId()),
                sip.headers.createCSeqHeader(1L, Request.REFER),
                sip.headers.createFromHeader(sip.addresses.createAddress(self), Tags.next()),
                sip.headers.createToHeader(sip.addresses.createAddress(target), null),
                List.of(via),
                sip.headers.createMaxForwardsHeader(70));
        sip.routeOut(refer);
        refer.addHeader(sip.contact(transport));
        refer.addHeader(sip.headers.createReferToHeader(sip.addresses.createAddress(referTo(e164, service))));
        refer.addHeader(sip.headers.createHeader("Refer-Sub", "false"));
        refer.addHeader(sip.headers.createHeader("Referred-By", "<" + self + ">"));
        CompletableFuture<Integer> outcome = new CompletableFuture<>();
        ClientTransaction transaction = sip.provider.getNewClientTransaction(refer);
        transaction.setApplicationData(new TxContext.Referral(outcome));
        transaction.sendRequest();
        return outcome;
    }

    /** {@code sip:+32470123456@callgate:5060;user=phone?X-Callgate-Service=private}. */
    private URI referTo(String e164, String service) throws ParseException {
        SipURI uri = sip.addresses.createSipURI(e164, sip.settings.advertisedHost());
        uri.setPort(sip.settings.port());
        uri.setUserParam("phone");
        uri.setHeader("X-Callgate-Service", service);
        return uri;
    }

    private SipURI phoneUri(String phone, Outbound outbound) throws ParseException {
        URI uri;
        try {
            uri = sip.addresses.createURI(phone);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a SIP URI: " + phone, e);
        }
        if (!(uri instanceof SipURI sipUri)) {
            throw new IllegalArgumentException("the phone must be a sip: URI: " + phone);
        }
        InetAddress host;
        try {
            host = InetAddress.ofLiteral(sipUri.getHost().replaceAll("^\\[|\\]$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the phone's host must be an IP address of outbound.allowed-sources: " + phone, e);
        }
        if (!outbound.allows(host)) {
            throw new IllegalArgumentException(
                    "the phone must be at one of outbound.allowed-sources, not " + sipUri.getHost());
        }
        return sipUri;
    }
}
