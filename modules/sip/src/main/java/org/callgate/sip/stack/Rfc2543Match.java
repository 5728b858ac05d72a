package org.callgate.sip.stack;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import javax.sip.address.URI;
import javax.sip.message.Request;

/**
 * What a server transaction needs to recognise a request or response of an RFC 2543 peer, whose top
 * Via has no {@code z9hG4bK} branch (RFC 3261 §17.2.3, the backward-compatible rule: Request-URI,
 * From and To tags, Call-ID, CSeq and top Via all equal). It is copied out of the request when the
 * transaction starts, because the stack lets go of the request itself once the transaction is
 * done ({@code RELEASE_REFERENCES_STRATEGY=Aggressive}, {@link StackProperties}), while the
 * transaction stays in the table to absorb retransmissions. An RFC 3261 transaction keeps none of
 * this.
 */
record Rfc2543Match(String method, URI requestUri, String fromTag, String toTag, String callId, long cseq, Via topVia) {

    private static final String MAGIC_COOKIE = "z9hG4bK";

    /** The match for {@code request}, or null when its top Via carries an RFC 3261 branch. */
    static Rfc2543Match of(SIPRequest request) {
        if (!applies(request)) {
            return null;
        }
        return new Rfc2543Match(
                request.getCSeq().getMethod(),
                (URI) request.getRequestURI().clone(),
                request.getFromTag(),
                request.getToTag(),
                request.getCallId().getCallId(),
                request.getCSeq().getSeqNumber(),
                (Via) request.getTopmostVia().clone());
    }

    /** Whether {@code message} is matched the RFC 2543 way: it has a top Via without the magic cookie. */
    static boolean applies(SIPMessage message) {
        Via via = message.getTopmostVia();
        if (via == null) {
            return false;
        }
        String branch = via.getBranch();
        return branch == null || !branch.regionMatches(true, 0, MAGIC_COOKIE, 0, MAGIC_COOKIE.length());
    }

    /**
     * Whether {@code message} belongs to the transaction of method {@code transactionMethod} this
     * was taken from. A CANCEL never matches the transaction it cancels (RFC 3261 §9.2).
     */
    boolean matches(SIPMessage message, String transactionMethod) {
        String messageMethod = message.getCSeq().getMethod();
        if (Request.CANCEL.equalsIgnoreCase(messageMethod) && !Request.CANCEL.equalsIgnoreCase(method)) {
            return false;
        }
        boolean response = message instanceof SIPResponse;
        return (response || requestUri.equals(((SIPRequest) message).getRequestURI()))
                && tagsAgree(fromTag, message.getFrom().getTag())
                && tagsAgree(toTag, message.getTo().getTag())
                && callId.equalsIgnoreCase(message.getCallId().getCallId())
                && cseq == message.getCSeq().getSeqNumber()
                && (!Request.CANCEL.equals(messageMethod) || transactionMethod.equals(messageMethod))
                && topVia.equals(message.getTopmostVia());
    }

    private static boolean tagsAgree(String ours, String theirs) {
        return ours == null || theirs == null || ours.equalsIgnoreCase(theirs);
    }
}
