package org.callgate.sip.stack;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;

/**
 * The RI's NIO transports for UDP and TCP, and its blocking one for TLS. The NIO TLS client
 * loses the first request it sends on a new connection (it opens a second socket for it and
 * drops the first with the request queued behind its handshake), so callgate's INVITE to a
 * {@code sips:} agent queue never left; the blocking TLS channel writes the request on the
 * socket it connects.
 */
public final class TlsBlockingFactory implements MessageProcessorFactory {

    private final MessageProcessorFactory nio = new NioMessageProcessorFactory();
    private final MessageProcessorFactory blocking = new OIOMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(
            SIPTransactionStack stack, InetAddress address, int port, String transport) throws IOException {
        return "tls".equalsIgnoreCase(transport)
                ? blocking.createMessageProcessor(stack, address, port, transport)
                : nio.createMessageProcessor(stack, address, port, transport);
    }
}
