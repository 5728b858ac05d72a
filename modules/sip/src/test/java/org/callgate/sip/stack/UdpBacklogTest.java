package org.callgate.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import javax.sip.SipFactory;
import javax.sip.SipStack;
import org.junit.jupiter.api.Test;

/** The backlog is read from the RI's own UDP listening point (a protected field of this RI version). */
class UdpBacklogTest {

    @Test
    void anIdleUdpListeningPointHasNoBacklog() throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        SipStack stack = factory.createSipStack(StackProperties.forGateway("udp-backlog-test"));
        try {
            ListeningPointImpl point =
                    (ListeningPointImpl) stack.createListeningPoint("127.0.0.1", freeUdpPort(), "udp");
            stack.createSipProvider(point);
            MessageProcessor udp = point.getMessageProcessor();
            stack.start();

            assertThat(UdpBacklog.watchable())
                    .as("the RI's queue field is found")
                    .isTrue();
            assertThat(UdpBacklog.oldestWaitMillis(
                            udp, java.time.Clock.systemUTC().millis()))
                    .isZero();
        } finally {
            try {
                stack.stop();
            } catch (NullPointerException | java.util.ConcurrentModificationException startRace) {
                // the RI's UDP processor fills its channel list on its own threads after start(); a
                // stop meanwhile throws one or the other here (seen both); this throwaway stack is
                // left to the test JVM.
            }
        }
    }

    private static int freeUdpPort() throws java.net.SocketException {
        try (java.net.DatagramSocket probe =
                new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void noListeningPointHasNoUdpBacklog() {
        assertThat(UdpBacklog.oldestWaitMillis(null, 0)).isZero();
    }
}
