package org.callgate.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.MessageFactory;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's stack over real UDP, with finished transactions releasing their requests at once
 * (Aggressive): an RFC 2543 peer (no magic cookie, RFC 4475 §3.3.1) is still answered while RFC 3261
 * transactions wait out Timer J in the table, and its retransmission is absorbed by its own
 * transaction (RFC 3261 §17.2.3) rather than handed to the application twice.
 */
class GatewayStackTest {

    private GatewayStack stack;
    private DatagramSocket peer;
    private int port;
    private final AtomicInteger requestsSeen = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        port = freeUdpPort();
        stack = new GatewayStack(StackProperties.forGateway("gateway-stack-test-" + port));
        ListeningPoint point = stack.createListeningPoint("127.0.0.1", port, "udp");
        SipProvider provider = stack.createSipProvider(point);
        MessageFactory messages = SipFactory.getInstance().createMessageFactory();
        provider.addSipListener(new Answering(provider, messages));
        stack.start();
        peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        peer.setSoTimeout(10_000);
    }

    @AfterEach
    void stop() {
        peer.close();
        stack.stop();
    }

    @Test
    void anRfc2543RequestIsAnsweredWhileFinishedTransactionsLinger() throws Exception {
        assertThat(exchange(options("3261-a", "z9hG4bK-3261-a"))).startsWith("SIP/2.0 200");
        assertThat(exchange(options("3261-b", "z9hG4bK-3261-b"))).startsWith("SIP/2.0 200");

        assertThat(exchange(options("2543", null))).startsWith("SIP/2.0 200");
        assertThat(requestsSeen).hasValue(3);
    }

    @Test
    void anRfc2543RetransmissionIsAbsorbedByItsTransaction() throws Exception {
        String request = options("2543-again", "1a2b3c");

        assertThat(exchange(request)).startsWith("SIP/2.0 200");
        assertThat(exchange(request)).as("the final response sent again").startsWith("SIP/2.0 200");
        assertThat(requestsSeen)
                .as("the retransmission never reached the application")
                .hasValue(1);
    }

    private String exchange(String request) throws Exception {
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        peer.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
        DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
        peer.receive(answer);
        return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
    }

    private String options(String callId, String branch) {
        String via = "SIP/2.0/UDP 127.0.0.1:" + peer.getLocalPort() + (branch == null ? "" : ";branch=" + branch);
        return "OPTIONS sip:callgate@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: " + via + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:peer@127.0.0.1>;tag=" + callId + "\r\n"
                + "To: <sip:callgate@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static int freeUdpPort() throws java.net.SocketException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Answers every request 200 through a server transaction, as the gateway's handlers do. */
    private final class Answering implements SipListener {
        private final SipProvider provider;
        private final MessageFactory messages;

        Answering(SipProvider provider, MessageFactory messages) {
            this.provider = provider;
            this.messages = messages;
        }

        @Override
        public void processRequest(RequestEvent event) {
            requestsSeen.incrementAndGet();
            try {
                ServerTransaction transaction = event.getServerTransaction() != null
                        ? event.getServerTransaction()
                        : provider.getNewServerTransaction(event.getRequest());
                transaction.sendResponse(messages.createResponse(Response.OK, event.getRequest()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void processResponse(ResponseEvent event) {}

        @Override
        public void processTimeout(TimeoutEvent event) {}

        @Override
        public void processIOException(IOExceptionEvent event) {}

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {}

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {}
    }
}
