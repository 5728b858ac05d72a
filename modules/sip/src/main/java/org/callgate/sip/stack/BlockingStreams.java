package org.callgate.sip.stack;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;

/**
 * The RI's NIO transport for UDP, and its blocking ones for the stream transports, TCP and TLS.
 * The NIO stream client loses the first request it sends on a new connection: it connects once
 * when the transaction is created and again when the request is sent, then closes the first
 * socket, and the request never reaches the peer. So callgate could not call an agent queue over
 * TCP or TLS at all. The blocking channel writes the request on the socket it connects.
 */
public final class BlockingStreams implements MessageProcessorFactory {

    private final MessageProcessorFactory nio = new NioMessageProcessorFactory();
    private final MessageProcessorFactory blocking = new OIOMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(
            SIPTransactionStack stack, InetAddress address, int port, String transport) throws IOException {
        return !"udp".equalsIgnoreCase(transport)
                ? blocking.createMessageProcessor(stack, address, port, transport)
                : nio.createMessageProcessor(stack, address, port, transport);
    }
}
