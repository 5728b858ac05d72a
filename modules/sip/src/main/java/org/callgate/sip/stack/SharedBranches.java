package org.callgate.sip.stack;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a retransmission from a new request that happens to reuse a branch. RFC 3261 §17.2.3 says
 * a request belongs to a server transaction only when its branch, its top Via's sent-by and its
 * method (ACK aside) all match. The JAIN-SIP RI keys its server transactions by the branch alone,
 * so it takes a new request from another sender, or of another method, that reuses a branch for a
 * retransmission of the older one and drops it unanswered (RFC 4475's torture messages share
 * {@code z9hG4bKkdjuw}; a careless peer may reuse a branch too). Before the RI looks the request
 * up, the older transaction is taken out of the RI's table: it still runs to its end on its own
 * timers (its response retransmitted until acknowledged or timed out), only a late retransmission
 * of its request no longer finds it, and the new request gets a transaction of its own.
 */
final class SharedBranches {

    private static final Logger LOG = LoggerFactory.getLogger(SharedBranches.class);

    private SharedBranches() {}

    /** Unmaps the server transaction under {@code request}'s branch when the request is not part of it. */
    static void separate(SIPTransactionStack stack, SIPRequest request) {
        String method = request.getMethod();
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method) || request.getTopmostVia() == null) {
            return; // ACK and CANCEL match other transactions by design (RFC 3261 §9.2, §17.2.3)
        }
        SIPTransaction known = stack.findTransaction(request, true);
        if (known instanceof SIPServerTransaction other && !other.isMessagePartOfTransaction(request)) {
            LOG.debug(
                    "{} {} reuses the branch of another request's transaction; that one is unmapped",
                    method,
                    request.getCallId() == null ? "" : request.getCallId().getCallId());
            stack.removeTransaction(other);
        }
    }
}
