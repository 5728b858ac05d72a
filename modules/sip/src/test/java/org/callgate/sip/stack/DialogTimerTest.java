package org.callgate.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import gov.nist.javax.sip.SipProviderImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's stack as the caller of an INVITE over real UDP: once the 200 is acknowledged,
 * the RI's 32 s watch for a missing ACK, which held every answered dialog for 32 s, is dropped,
 * whether the ACK goes before the RI schedules it (the usual order) or after.
 */
class DialogTimerTest {

    private GatewayStack stack;
    private SipProvider provider;
    private DatagramSocket agent;
    private final AtomicReference<Dialog> answered = new AtomicReference<>();
    /** The agent tag whose 200 the listener acknowledges at once; others are kept for later. */
    private volatile String ackInListener = "";

    /** The remote tags of the dialogs the RI timed out for want of an ACK. */
    private final List<String> timedOut = new CopyOnWriteArrayList<>();
    /** The agent tags of the 180s the stack has handed to the listener. */
    private final List<String> ringing = new CopyOnWriteArrayList<>();

    /**
     * Starts the stack with {@code properties}, once per test: stopping an RI stack that has just
     * started races with its own start-up threads.
     */
    private void start(Properties properties) throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = probe.getLocalPort();
            probe.close();
            properties.setProperty("javax.sip.STACK_NAME", "dialog-timer-test-" + port);
            stack = new GatewayStack(properties);
            ListeningPoint point = stack.createListeningPoint("127.0.0.1", port, "udp");
            provider = stack.createSipProvider(point);
        }
        provider.addSipListener(new Caller());
        stack.start();
        agent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        agent.setSoTimeout(10_000);
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            agent.close();
            stack.stop();
        }
    }

    private DialogTimer timer() {
        return (DialogTimer) ((SIPTransactionStack) ((SipProviderImpl) provider).getSipStack()).getTimer();
    }

    @Test
    void aTwoHundredAcknowledgedInTheListenerLeavesNoWatchForAMissingAck() throws Exception {
        start(StackProperties.forGateway("dialog-timer-test"));
        ackInListener = "agent";

        call("ack-in-listener", 1, "agent");

        assertThat(received()).startsWith("ACK sip:agent@");
        assertThat(((SIPTransactionStack) ((SipProviderImpl) provider).getSipStack()).getTimer())
                .isInstanceOf(DialogTimer.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> timer().released() == 1);
        assertThat(timer().tracked()).isZero();
    }

    @Test
    void aWatchScheduledBeforeTheAckIsCancelledWhenTheAckGoes() throws Exception {
        start(StackProperties.forGateway("dialog-timer-test"));
        call("ack-later", 1, "agent");
        await().atMost(Duration.ofSeconds(30)).until(() -> answered.get() != null && timer().tracked() == 1);
        assertThat(timer().released()).isZero();

        Dialog dialog = answered.get();
        dialog.sendAck(dialog.createAck(1));
        DialogTimer.acknowledged(provider, dialog);

        assertThat(received()).startsWith("ACK sip:agent@");
        assertThat(timer().released()).isEqualTo(1);
        assertThat(timer().tracked()).isZero();
    }

    @Test
    void anAckInAnotherDialogOfTheSameCallIdLeavesTheUnacknowledgedDialogsWatch() throws Exception {
        Properties properties = StackProperties.forGateway("dialog-timer-test");
        properties.setProperty("gov.nist.javax.sip.DIALOG_TIMEOUT_FACTOR", "2"); // the watch: 2 × T1, 1 s
        start(properties);
        call("fallback", 1, "first-queue");
        await().atMost(Duration.ofSeconds(30)).until(() -> answered.get() != null && timer().tracked() == 1);

        ackInListener = "default-queue";
        call("fallback", 2, "default-queue"); // as callgate's fallback to the default queue: same Call-ID

        assertThat(received()).startsWith("ACK sip:agent@");
        await().atMost(Duration.ofSeconds(30)).until(() -> timer().released() == 1);
        await().atMost(Duration.ofSeconds(30))
                .alias("the first queue's dialog, never acknowledged, still times out")
                .until(() -> timedOut.contains("first-queue"));
        assertThat(timedOut).containsExactly("first-queue");
    }

    /** Sends an INVITE to the agent socket and answers it 200 from there, with {@code agentTag}. */
    private void call(String callId, int cseq, String agentTag) throws Exception {
        int port = provider.getListeningPoints()[0].getPort();
        Request invite = SipFactory.getInstance()
                .createMessageFactory()
                .createRequest("INVITE sip:agent@127.0.0.1:" + agent.getLocalPort() + " SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-" + callId + "-" + cseq + "\r\n"
                        + "Max-Forwards: 70\r\n"
                        + "From: <sip:callgate@127.0.0.1>;tag=gw\r\n"
                        + "To: <sip:agent@127.0.0.1>\r\n"
                        + "Call-ID: " + callId + "@127.0.0.1\r\n"
                        + "CSeq: " + cseq + " INVITE\r\n"
                        + "Contact: <sip:callgate@127.0.0.1:" + port + ">\r\n"
                        + "Content-Length: 0\r\n\r\n");
        ClientTransaction transaction = provider.getNewClientTransaction(invite);
        transaction.sendRequest();
        String request = received();
        assertThat(request).startsWith("INVITE ");
        // 180 then 200, as an agent's phone answers: the ringing makes the dialog early first. The
        // 200 waits until the stack has handled the 180: its worker threads could take them in
        // either order, and a 200 handled first leaves no early dialog.
        answer(request, "180 Ringing", agentTag, port);
        await().atMost(Duration.ofSeconds(30)).until(() -> ringing.contains(agentTag));
        answer(request, "200 OK", agentTag, port);
    }

    private void answer(String request, String status, String agentTag, int port) throws Exception {
        String response = "SIP/2.0 " + status + "\r\n"
                + request.lines()
                        .filter(line -> line.matches("(?i)(Via|From|Call-ID|CSeq):.*"))
                        .collect(Collectors.joining("\r\n"))
                + "\r\nTo: <sip:agent@127.0.0.1>;tag=" + agentTag + "\r\n"
                + "Contact: <sip:agent@127.0.0.1:" + agent.getLocalPort() + ">\r\n"
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = response.getBytes(StandardCharsets.US_ASCII);
        agent.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }

    private String received() throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
        agent.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
    }

    /** Acknowledges the 200 at once, as callgate's handlers do, or keeps its dialog for later. */
    private final class Caller implements SipListenerExt {
        @Override
        public void processDialogTimeout(DialogTimeoutEvent event) {
            if (event.getReason() == DialogTimeoutEvent.Reason.AckNotSent) {
                timedOut.add(event.getDialog().getRemoteTag());
            }
        }

        @Override
        public void processResponse(ResponseEvent event) {
            if (event.getResponse().getStatusCode() == 180) {
                ringing.add(((ToHeader) event.getResponse().getHeader(ToHeader.NAME)).getTag());
                return;
            }
            if (event.getResponse().getStatusCode() != 200) {
                return;
            }
            Dialog dialog = event.getDialog();
            if (!ackInListener.equals(dialog.getRemoteTag())) {
                answered.set(dialog);
                return;
            }
            try {
                long cseq = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber();
                dialog.sendAck(dialog.createAck(cseq));
                DialogTimer.acknowledged(provider, dialog);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void processRequest(RequestEvent event) {}

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
