package org.callgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Free loopback ports for tests. JAIN-SIP refuses port 0, so tests pick a port that is free for
 * both UDP and TCP just before binding it.
 */
final class FreePorts {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private FreePorts() {}

    /** A port free on 127.0.0.1 for both UDP and TCP at the time of the call. */
    static int udpAndTcp() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                    return port;
                } catch (IOException taken) {
                    // UDP side busy: try another.
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on " + LOOPBACK);
    }

    /** An even port p with p..p+span-1 free for UDP, for RTP port ranges of peers. */
    static int udpRange(int from, int span) {
        for (int base = from; base < 65000; base += span) {
            if (allFree(base, span)) {
                return base;
            }
        }
        throw new IllegalStateException("no free UDP range of " + span + " from " + from);
    }

    private static boolean allFree(int base, int span) {
        for (int port = base; port < base + span; port++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                udp.getLocalPort();
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
