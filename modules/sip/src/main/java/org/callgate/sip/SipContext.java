package org.callgate.sip;

import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.sip.stack.DialogTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP factories and provider with the few message-building helpers every handler
 * needs, so that handlers stay about SIP behaviour rather than factory plumbing.
 */
final class SipContext {

    private static final Logger LOG = LoggerFactory.getLogger(SipContext.class);
    static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, UPDATE";

    final SipProvider provider;
    final B2buaSettings settings;
    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    /** {@link B2buaSettings#outboundProxy()} with {@code ;lr}, or null. */
    private final SipURI outboundProxy;

    SipContext(SipProvider provider, B2buaSettings settings) throws Exception {
        this.provider = provider;
        this.settings = settings;
        SipFactory factory = SipFactory.getInstance();
        this.messages = factory.createMessageFactory();
        this.headers = factory.createHeaderFactory();
        this.addresses = factory.createAddressFactory();
        this.outboundProxy = settings.outboundProxy() == null ? null : loose(settings.outboundProxy());
    }

    private SipURI loose(String proxy) throws ParseException {
        if (!(addresses.createURI(proxy) instanceof SipURI uri)) {
            throw new ParseException("the outbound proxy must be a sip: or sips: URI: " + proxy, 0);
        }
        uri.setLrParam(); // a loose router: the Request-URI stays the target (RFC 3261 §16.12)
        return uri;
    }

    /**
     * The transport of the first hop of a new request to {@code target}: the outbound proxy's when
     * one is set, else the target's own; what callgate's {@code Via} and {@code Contact} must say.
     */
    String firstHopTransport(URI target) {
        return AgentInviteBuilder.transportOf(outboundProxy != null ? outboundProxy : target);
    }

    /**
     * Sends a new out-of-dialog request through the outbound proxy, if one is set: a preloaded
     * {@code Route} (RFC 3261 §8.1.2). Requests inside a dialog follow its route set instead.
     */
    void routeOut(Request request) throws ParseException {
        if (outboundProxy != null) {
            request.addHeader(headers.createRouteHeader(addresses.createAddress((SipURI) outboundProxy.clone())));
        }
    }

    /** A response to {@code request} with a reason phrase of our own. */
    Response response(Request request, int status, String reason) throws ParseException {
        Response response = messages.createResponse(status, request);
        if (reason != null) {
            response.setReasonPhrase(reason);
        }
        return response;
    }

    /** Sends a final or provisional response; a failure is logged, never thrown at the caller. */
    void respond(ServerTransaction transaction, Response response) {
        try {
            transaction.sendResponse(response);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not send {} {}: {}", response.getStatusCode(), response.getReasonPhrase(), e.toString());
        }
    }

    void respond(ServerTransaction transaction, int status, String reason) {
        try {
            respond(transaction, response(transaction.getRequest(), status, reason));
        } catch (ParseException e) {
            LOG.warn("could not build {} {}: {}", status, reason, e.getMessage());
        }
    }

    /**
     * Acknowledges the 2xx to the INVITE that created {@code dialog} (RFC 3261 §13.2.2.4), and lets
     * the stack's timer release the dialog, which it would otherwise hold 32 s for a missing ACK
     * ({@link DialogTimer}). Not for retransmitted 2xx or re-INVITEs: the RI watches only the first.
     */
    void ack(Dialog dialog, Request ack) throws SipException {
        dialog.sendAck(ack);
        DialogTimer.acknowledged(provider, dialog);
    }

    /** Answers a request without a server transaction (stateless), used for errors and OPTIONS. */
    void respondStateless(Request request, Response response) {
        try {
            provider.sendResponse(response);
        } catch (SipException | RuntimeException e) {
            LOG.debug("could not send stateless {}: {}", response.getStatusCode(), e.toString());
        }
    }

    /** callgate's Contact for a given transport (RFC 3261 §8.1.1.8). */
    ContactHeader contact(String transport) throws ParseException {
        SipURI uri = addresses.createSipURI("callgate", settings.advertisedHost());
        uri.setPort(settings.portFor(transport));
        if ("tls".equalsIgnoreCase(transport)) {
            uri.setSecure(true); // a sips: dialog keeps a sips: Contact (RFC 3261 §8.1.1.8)
        } else if (!"udp".equalsIgnoreCase(transport)) {
            uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
        }
        Address address = addresses.createAddress(uri);
        return headers.createContactHeader(address);
    }

    void addAllow(Response response) throws ParseException {
        for (String method : List.of(ALLOW.split(", "))) {
            response.addHeader(headers.createAllowHeader(method));
        }
    }
}
