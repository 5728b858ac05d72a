package org.callgate.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPServerTransactionImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * The RI's server transaction, made safe for {@code RELEASE_REFERENCES_STRATEGY=Aggressive}. With
 * that strategy a finished transaction drops its request at once instead of keeping it for the
 * RFC 3261 timers (Timer J, 32 s), which at a few hundred calls a second is what fills the old
 * generation (docs/benchmarks.md, issue 19). The RI, though, still reads that request when it
 * matches a message from an RFC 2543 peer against each transaction, and throws a
 * NullPointerException, which leaves the message unanswered (RFC 4475 §3.3.1's {@code inv2543}).
 * This transaction keeps the few fields that matching needs, and only for an RFC 2543 request
 * ({@link Rfc2543Match}); RFC 3261 requests are matched by the RI's own branch rule.
 */
final class LeanServerTransaction extends SIPServerTransactionImpl {

    private volatile Rfc2543Match rfc2543;

    LeanServerTransaction(SIPTransactionStack stack, MessageChannel channel) {
        super(stack, channel);
    }

    @Override
    public void setOriginalRequest(SIPRequest request) {
        super.setOriginalRequest(request);
        rfc2543 = Rfc2543Match.of(request);
    }

    @Override
    public boolean isMessagePartOfTransaction(SIPMessage message) {
        if (!Rfc2543Match.applies(message)) {
            return super.isMessagePartOfTransaction(message);
        }
        Rfc2543Match match = rfc2543;
        // As the RI: a finished non-INVITE transaction matches nothing; an INVITE one lingers to
        // absorb retransmissions of its request and the ACK of a non-2xx answer.
        return match != null && (isInviteTransaction() || !isTerminated()) && match.matches(message, getMethod());
    }
}
