package org.callgate.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.PeerUnavailableException;

/**
 * The RI's SIP stack, creating {@link LeanServerTransaction}s so that finished transactions can let
 * go of their messages at once ({@link StackProperties}) and RFC 2543 peers are still answered. It
 * is created directly rather than through {@code SipFactory}, which can only name the RI's class.
 */
public final class GatewayStack extends SipStackImpl {

    /** @throws PeerUnavailableException when the RI refuses {@code properties} */
    public GatewayStack(Properties properties) throws PeerUnavailableException {
        super(properties);
    }

    /**
     * As the RI: above the table's low-water mark a new transaction is refused with a probability
     * that rises to 1 at the high-water mark (the request is then handled statelessly).
     */
    @Override
    public SIPServerTransaction createServerTransaction(MessageChannel channel) {
        if (!unlimitedServerTransactionTableSize) {
            float threshold = ((float) (serverTransactionTable.size() - serverTransactionTableLowaterMark))
                    / (serverTransactionTableHighwaterMark - serverTransactionTableLowaterMark);
            if (ThreadLocalRandom.current().nextFloat() > 1.0f - threshold) {
                return null;
            }
        }
        return new LeanServerTransaction(this, channel);
    }
}
