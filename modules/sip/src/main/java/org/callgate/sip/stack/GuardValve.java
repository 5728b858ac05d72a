package org.callgate.sip.stack;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.io.IOException;
import javax.sip.SipStack;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First look at every parsed request, before transactions and dialogs: answers requests that
 * miss a mandatory header with {@code 400} (see {@link RepairingParserFactory}) and oversized
 * requests with {@code 513 Message Too Large} (RFC 3261 §21.5.11), so neither reaches the B2BUA.
 * ACKs are never answered (RFC 3261 §17.2.1).
 */
public final class GuardValve implements SIPMessageValve {

    /** Largest request accepted; real INVITEs with SDP stay well under 8 KiB. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(GuardValve.class);

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        Header malformed = request.getHeader(RepairingParserFactory.MALFORMED);
        if (malformed != null) {
            return refuse(
                    request,
                    channel,
                    Response.BAD_REQUEST,
                    malformed
                            .toString()
                            .substring(malformed.toString().indexOf(':') + 1)
                            .trim());
        }
        if (request.getSize() > MAX_REQUEST_BYTES || request.getHeader(RepairingParserFactory.TRUNCATED) != null) {
            return refuse(
                    request,
                    channel,
                    Response.MESSAGE_TOO_LARGE,
                    "Message Too Large (limit " + MAX_REQUEST_BYTES + " bytes)");
        }
        return true;
    }

    private static boolean refuse(SIPRequest request, MessageChannel channel, int status, String reason) {
        LOG.warn(
                "refused {} from {}:{}: {} {}",
                request.getMethod(),
                channel.getPeerAddress(),
                channel.getPeerPort(),
                status,
                reason);
        if (!Request.ACK.equals(request.getMethod())) {
            try {
                channel.sendMessage(request.createResponse(status, reason));
            } catch (IOException | RuntimeException e) {
                LOG.debug("could not answer a refused request: {}", e.toString());
            }
        }
        return false;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack stack) {
        // Stateless.
    }

    @Override
    public void destroy() {
        // Stateless.
    }
}
