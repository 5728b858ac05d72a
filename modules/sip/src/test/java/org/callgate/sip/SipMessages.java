package org.callgate.sip;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.List;
import javax.sip.SipFactory;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.sip.stack.Slf4jStackLogger;

/**
 * Real JAIN-SIP messages for tests, built with the RI's factories as the stack would parse them,
 * without a stack: the RI's only need for one is its logger, set here the way the stack sets it
 * from {@code gov.nist.javax.sip.STACK_LOGGER}.
 */
final class SipMessages {

    static final String CALLER_HOST = "198.51.100.7";
    static final String AGENT_HOST = "203.0.113.20";

    static {
        if (CommonLogger.legacyLogger == null) {
            CommonLogger.legacyLogger = new Slf4jStackLogger();
        }
    }

    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    private int branches;

    SipMessages() throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        messages = factory.createMessageFactory();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
    }

    /** A caller's INVITE to {@code dialled} at callgate, from a phone at {@link #CALLER_HOST}. */
    /** A header by name and value, as a peer would write it. */
    javax.sip.header.Header header(String name, String value) throws Exception {
        return headers.createHeader(name, value);
    }

    Request invite(String callId, String dialled, String sdp) throws Exception {
        Address callgate = addresses.createAddress("sip:" + dialled + "@192.0.2.1");
        Address caller = addresses.createAddress("\"Ann\" <sip:+32475123456@" + CALLER_HOST + ">");
        Request invite = request(
                Request.INVITE,
                callgate.getURI(),
                callId,
                headers.createFromHeader(caller, "caller-tag"),
                headers.createToHeader(callgate, null),
                1,
                CALLER_HOST);
        invite.addHeader(contact("caller", CALLER_HOST));
        return withSdp(invite, sdp);
    }

    /** The CANCEL for {@code invite}: same Call-ID, CSeq number and branch (RFC 3261 §9.1). */
    Request cancel(Request invite) throws Exception {
        return ((SIPRequest) invite).createCancelRequest();
    }

    /**
     * A request inside the dialog that {@code invite} and {@code answer} made, from either end.
     *
     * @param fromCallee true for the end that answered (its From is the answer's To), false for
     *     the end that sent the INVITE
     */
    Request inDialog(String method, Request invite, Response answer, boolean fromCallee, long cseq, String sdp)
            throws Exception {
        ToHeader to = (ToHeader) answer.getHeader(ToHeader.NAME);
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        String callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
        Request request = fromCallee
                ? request(
                        method,
                        contactOf(invite),
                        callId,
                        headers.createFromHeader(to.getAddress(), to.getTag()),
                        headers.createToHeader(from.getAddress(), from.getTag()),
                        cseq,
                        AGENT_HOST)
                : request(method, contactOf(answer), callId, from, to, cseq, CALLER_HOST);
        return withSdp(request, sdp);
    }

    /** A response from the agent side; a 1xx/2xx to an INVITE carries the agent's Contact. */
    Response response(Request request, int status, String toTag, String sdp) throws Exception {
        Response response = messages.createResponse(status, request);
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (toTag != null && to.getTag() == null) {
            to.setTag(toTag);
        }
        if (Request.INVITE.equals(request.getMethod()) && status > 100 && status < 300) {
            response.addHeader(contact("agent", AGENT_HOST));
        }
        return withSdp(response, sdp);
    }

    /** A request with one Via from {@code viaHost}; the headers given are copied. */
    Request request(String method, URI target, String callId, FromHeader from, ToHeader to, long cseq, String viaHost)
            throws Exception {
        return messages.createRequest(
                (URI) target.clone(),
                method,
                headers.createCallIdHeader(callId),
                headers.createCSeqHeader(cseq, method),
                (FromHeader) from.clone(),
                (ToHeader) to.clone(),
                List.of(headers.createViaHeader(viaHost, 5060, "udp", "z9hG4bK-test-" + (++branches))),
                headers.createMaxForwardsHeader(70));
    }

    static URI contactOf(Message message) {
        return ((ContactHeader) message.getHeader(ContactHeader.NAME))
                .getAddress()
                .getURI();
    }

    static String callIdOf(Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    static String body(Message message) {
        byte[] raw = message.getRawContent();
        return raw == null ? "" : new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    private ContactHeader contact(String user, String host) throws Exception {
        return headers.createContactHeader(addresses.createAddress("sip:" + user + "@" + host + ":5060"));
    }

    private <M extends Message> M withSdp(M message, String sdp) throws Exception {
        if (sdp != null) {
            message.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
        }
        return message;
    }
}
