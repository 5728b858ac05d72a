package org.callgate.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import org.callgate.core.media.LegCounters;
import org.callgate.core.media.LegSide;
import org.callgate.core.media.MediaLeg;

/**
 * One leg of a relayed call: its two sockets, the latching state of each (RFC 4961), its counters
 * and the loss tracker of the RTP stream its peer sends (RFC 3550 §6.4.1).
 *
 * <p>{@link #remote} and {@link #counters} may be called from any thread; everything else runs on
 * the session's event loop.
 */
final class NettyMediaLeg implements MediaLeg {

    private final String callId;
    private final LegSide side;
    private final InetAddress advertisedAddress;
    private final Clock clock;
    private final Latch rtpLatch = new Latch();
    private final Latch rtcpLatch = new Latch();
    private final LegStats stats = new LegStats();
    private final SequenceTracker sequence = new SequenceTracker();
    private volatile BoundPair pair;
    /** Clock millis of the last packet accepted from the peer; event loop only. */
    private long lastReceivedMillis = Long.MIN_VALUE;

    NettyMediaLeg(String callId, LegSide side, InetAddress advertisedAddress, Clock clock) {
        this.callId = callId;
        this.side = side;
        this.advertisedAddress = advertisedAddress;
        this.clock = clock;
    }

    @Override
    public LegSide side() {
        return side;
    }

    @Override
    public InetSocketAddress localRtp() {
        BoundPair bound = pair;
        if (bound == null) {
            throw new IllegalStateException(side + " leg of call " + callId + " has no port");
        }
        return new InetSocketAddress(advertisedAddress, bound.port());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The wildcard address ({@code c=0.0.0.0}, RFC 3264 §8.4 hold) and port 0 (a disabled
     * stream) mean unknown, like {@code null}.
     */
    @Override
    public void remote(InetSocketAddress rtp) {
        if (rtp != null && rtp.isUnresolved()) {
            throw new IllegalArgumentException("remote RTP address must be resolved: " + rtp);
        }
        boolean unknown = rtp == null || rtp.getAddress().isAnyLocalAddress() || rtp.getPort() == 0;
        rtpLatch.expect(unknown ? null : rtp);
        rtcpLatch.expect(unknown || rtp.getPort() == 65535
                ? null
                : new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1));
    }

    @Override
    public LegCounters counters() {
        return stats.snapshot();
    }

    @Override
    public String toString() {
        BoundPair bound = pair;
        return side + " leg of " + callId + (bound == null ? "" : " on port " + bound.port());
    }

    String callId() {
        return callId;
    }

    void attach(BoundPair bound) {
        this.pair = Objects.requireNonNull(bound);
    }

    /** The leg's sockets, or {@code null} before they are bound. */
    BoundPair pair() {
        return pair;
    }

    /** The socket of {@code kind}, or {@code null} before it is bound. */
    Channel channel(PacketKind kind) {
        BoundPair bound = pair;
        return bound == null ? null : bound.channel(kind);
    }

    Latch latch(PacketKind kind) {
        return kind == PacketKind.RTP ? rtpLatch : rtcpLatch;
    }

    LegStats stats() {
        return stats;
    }

    /** Counts a packet accepted from this leg's peer and records when it came. Event loop only. */
    void received(PacketKind kind, ByteBuf content) {
        stats.received(kind, content.readableBytes());
        if (kind == PacketKind.RTP) {
            sequence.update(RtpPacket.ssrc(content), RtpPacket.sequence(content));
            stats.lost(sequence.lost());
        }
        lastReceivedMillis = clock.millis();
    }

    /** Clock millis of the last packet from the peer, {@link Long#MIN_VALUE} if none. */
    long lastReceivedMillis() {
        return lastReceivedMillis;
    }
}
