package org.callgate.media;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where one socket of a leg sends, and whom it accepts packets from: symmetric RTP latching
 * (RFC 4961 §3, as used for NAT traversal).
 *
 * <p>The signalling layer sets the address from the SDP with {@link #expect}; until a packet
 * arrives, that is the destination. The first packet received afterwards latches the socket onto
 * its source address, which becomes both the only accepted source and the destination: a peer
 * behind NAT gets its media back at the public address it sends from. Packets from any other
 * source are refused, so a stray or spoofed sender cannot hijack the stream. Every
 * {@code expect} re-arms latching, since a re-INVITE may move the peer.
 *
 * <p>{@code expect} is called on signalling threads while packets are checked on the event loop,
 * so the state is one immutable value swapped atomically; checking a packet from the latched
 * source allocates nothing.
 */
final class Latch {

    /** What {@link #accept} decided about one packet. */
    enum Verdict {
        /** The packet latched the socket onto its source. */
        LATCHED,
        /** The packet came from the latched source. */
        ACCEPTED,
        /** The packet came from another source and must be dropped. */
        REFUSED;

        boolean accepted() {
            return this != REFUSED;
        }
    }

    private record State(InetSocketAddress address, boolean latched) {}

    private static final State UNKNOWN = new State(null, false);

    private final AtomicReference<State> state = new AtomicReference<>(UNKNOWN);

    /** Sets the address from the SDP ({@code null} when unknown) and re-arms latching. */
    void expect(InetSocketAddress address) {
        state.set(address == null ? UNKNOWN : new State(address, false));
    }

    /**
     * Whether a packet from {@code source} comes from this socket's peer; the first packet after
     * {@link #expect} latches onto its source.
     */
    Verdict accept(InetSocketAddress source) {
        while (true) {
            State current = state.get();
            if (current.latched()) {
                return current.address().equals(source) ? Verdict.ACCEPTED : Verdict.REFUSED;
            }
            if (state.compareAndSet(current, new State(source, true))) {
                return Verdict.LATCHED;
            }
        }
    }

    /** Where to send packets to the peer, or {@code null} while unknown. */
    InetSocketAddress destination() {
        return state.get().address();
    }

    boolean latched() {
        return state.get().latched();
    }
}
