package org.callgate.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/** A plain JDK UDP socket on 127.0.0.1 playing a phone or the agent platform. */
final class UdpPeer implements AutoCloseable {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int RECEIVE_TIMEOUT_MILLIS = 5_000;

    /** What a peer received, and from where. */
    record Received(byte[] data, InetSocketAddress source) {}

    private final DatagramSocket socket;

    private UdpPeer(DatagramSocket socket) {
        this.socket = socket;
    }

    static UdpPeer bind() {
        return bind(0);
    }

    static UdpPeer bind(int port) {
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
            socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
            return new UdpPeer(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
    }

    /** Two peers on adjacent ports, the first even: a phone's RTP and RTCP sockets (RFC 3550 §11). */
    static UdpPeer[] rtpAndRtcp() {
        for (int attempt = 0; attempt < 100; attempt++) {
            UdpPeer rtp = bind();
            int port = rtp.address().getPort();
            if (port % 2 == 0) {
                try {
                    DatagramSocket rtcp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port + 1));
                    rtcp.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
                    return new UdpPeer[] {rtp, new UdpPeer(rtcp)};
                } catch (BindException e) {
                    // port + 1 is taken: try another pair
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            rtp.close();
        }
        throw new IllegalStateException("no adjacent free UDP ports on 127.0.0.1");
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void send(byte[] data, InetSocketAddress to) {
        try {
            socket.send(new DatagramPacket(data, data.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram; fails the test if none arrives within five seconds. */
    Received receive() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "nothing received on " + address() + " within " + RECEIVE_TIMEOUT_MILLIS + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Received(Arrays.copyOf(buffer, packet.getLength()), (InetSocketAddress) packet.getSocketAddress());
    }

    /** The next datagram, or {@code null} if none arrives within {@code wait}. */
    Received receiveWithin(Duration wait) {
        try {
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            return receive();
        } catch (AssertionError e) {
            if (e.getCause() instanceof SocketTimeoutException) {
                return null;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
            } catch (IOException e) {
                // closed: the next call fails anyway
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
