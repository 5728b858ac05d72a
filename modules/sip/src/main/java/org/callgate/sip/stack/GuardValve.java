package org.callgate.sip.stack;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.sip.SipStack;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First look at every parsed request, before transactions and dialogs: answers requests that
 * miss a mandatory header with {@code 400} (see {@link RepairingParserFactory}) and oversized
 * requests with {@code 513 Message Too Large} (RFC 3261 §21.5.11), and what {@link Conformance}
 * refuses (505, 416, 420, 415), so none reaches the B2BUA; and separates a request that reuses
 * another's branch from that request's transaction ({@link SharedBranches}).
 * ACKs are never answered (RFC 3261 §17.2.1).
 *
 * <p>It is also where overload is met ({@link OverloadGate}): while the UDP queue's oldest
 * datagram has waited longer than the configured delay, a new INVITE gets a stateless {@code 503}
 * with {@code Retry-After} (RFC 3261 §21.5.4) before any transaction, dialog or RTP port exists
 * for it, so refusing costs a parse and a send, and the requests of admitted calls (ACK, BYE,
 * responses) keep being served.
 */
public final class GuardValve implements SIPMessageValve {

    /** Largest request accepted; real INVITEs with SDP stay well under 8 KiB. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(GuardValve.class);

    /** The stack, to tell a request that reuses a branch from a retransmission ({@link SharedBranches}). */
    private volatile SIPTransactionStack stack;

    private volatile OverloadGate overload = OverloadGate.OFF;

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
        Optional<Conformance.Refusal> refusal = Conformance.check(request);
        if (refusal.isPresent()) {
            return refuse(
                    request,
                    channel,
                    refusal.get().status(),
                    refusal.get().reason(),
                    refusal.get().headers());
        }
        if (overload.refuses(request, channel, this::hasTransaction)) {
            answer(request, channel, Response.SERVICE_UNAVAILABLE, OverloadGate.REASON, overload.retryAfter());
            return false;
        }
        if (stack != null) {
            SharedBranches.separate(stack, request);
        }
        return true;
    }

    /** Whether the stack already has a server transaction for {@code request}: a retransmission. */
    private boolean hasTransaction(SIPRequest request) {
        SIPTransactionStack transactions = stack;
        return transactions != null && transactions.findTransaction(request, true) != null;
    }

    private static boolean refuse(SIPRequest request, MessageChannel channel, int status, String reason) {
        return refuse(request, channel, status, reason, List.of());
    }

    private static boolean refuse(
            SIPRequest request, MessageChannel channel, int status, String reason, List<? extends Header> headers) {
        LOG.warn(
                "refused {} from {}:{}: {} {}",
                request.getMethod(),
                channel.getPeerAddress(),
                channel.getPeerPort(),
                status,
                reason);
        answer(request, channel, status, reason, headers);
        return false;
    }

    /** Answers on the channel the request came in, with no transaction; never an ACK. */
    private static void answer(
            SIPRequest request, MessageChannel channel, int status, String reason, List<? extends Header> headers) {
        if (!Request.ACK.equals(request.getMethod())) {
            try {
                SIPResponse response = request.createResponse(status, reason);
                headers.forEach(response::setHeader);
                channel.sendMessage(response);
            } catch (IOException | RuntimeException e) {
                LOG.debug("could not answer a refused request: {}", e.toString());
            }
        }
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack sipStack) {
        if (sipStack instanceof SIPTransactionStack transactions) {
            this.stack = transactions;
        }
        if (sipStack instanceof gov.nist.javax.sip.SipStackImpl impl) {
            this.overload = OverloadGate.from(impl.getConfigurationProperties());
        }
    }

    @Override
    public void destroy() {
        // Stateless.
    }
}
