package org.callgate.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import org.callgate.core.media.AudioCodec;
import org.callgate.core.media.LegCounters;
import org.callgate.core.media.LegSide;
import org.callgate.core.media.MediaLeg;
import org.callgate.core.media.MediaUnavailableException;

/**
 * One leg of a relayed call: its two sockets, the latching state of each (RFC 4961), its counters
 * and the loss tracker of the RTP stream its peer sends (RFC 3550 §6.4.1).
 *
 * <p>It also holds what prompts played to its peer need: the codec agreed in SDP and callgate's
 * own outgoing {@link RtpSource}, and the RFC 4733 telephone-event payload type DTMF is read from.
 *
 * <p>{@link #remote}, {@link #payloadTypes} and {@link #counters} may be called from any thread;
 * everything else runs on the session's event loop.
 */
final class NettyMediaLeg implements MediaLeg {

    /** The telephone-event payload type until SDP says otherwise: the usual choice of phones. */
    static final int DEFAULT_TELEPHONE_EVENT = 101;

    private final String callId;
    private final LegSide side;
    private final InetAddress advertisedAddress;
    private final Clock clock;
    private final Latch rtpLatch = new Latch();
    private final Latch rtcpLatch = new Latch();
    private final LegStats stats = new LegStats();
    private final SequenceTracker sequence = new SequenceTracker();
    private final RtpSource source = new RtpSource();
    private volatile BoundPair pair;
    private volatile AudioCodec codec = AudioCodec.PCMA;
    private volatile int telephoneEvent = DEFAULT_TELEPHONE_EVENT;
    /** The peer is on hold: prompts to it are paused. */
    private volatile boolean held;
    /** A prompt is being played to this leg's peer; event loop only. */
    private boolean prompting;
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
        rtcpLatch.expect(
                unknown || rtp.getPort() == 65535 ? null : new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Takes effect for the next playback and the next packet received.
     *
     * @throws IllegalArgumentException when {@code telephoneEvent} is not -1 or a payload type
     *     (0-127), or is the codec's own payload type
     */
    @Override
    public void payloadTypes(AudioCodec codec, int telephoneEvent) {
        Objects.requireNonNull(codec, "codec");
        if (telephoneEvent < -1 || telephoneEvent > 127 || telephoneEvent == codec.payloadType()) {
            throw new IllegalArgumentException("telephone-event payload type must be -1 (none) or 0-127 "
                    + "and differ from " + codec + "'s: " + telephoneEvent);
        }
        this.codec = codec;
        this.telephoneEvent = telephoneEvent;
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

    /**
     * Waits up to {@code waitMillis} for {@code bound} and attaches the pair if it was bound; a pair
     * bound later (a loop shutting down) is let go at once.
     */
    void attachWhenBound(Future<BoundPair> bound, PortBinder binder, long waitMillis) {
        if (!bound.awaitUninterruptibly(waitMillis)) {
            bound.addListener(late -> {
                if (late.isSuccess()) {
                    binder.release(bound.getNow());
                }
            });
            return;
        }
        if (bound.isSuccess()) {
            attach(bound.getNow());
        }
    }

    /** Throws why {@code bound} did not give a pair (after {@link #attachWhenBound}). */
    static void failIfUnbound(Future<BoundPair> bound) throws MediaUnavailableException {
        if (!bound.isDone()) {
            throw new MediaUnavailableException("binding an RTP port pair timed out");
        }
        Throwable cause = bound.cause();
        if (cause instanceof MediaUnavailableException unavailable) {
            throw unavailable;
        }
        if (cause != null) {
            throw new MediaUnavailableException("could not bind an RTP port pair: " + cause, cause);
        }
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

    /** The codec prompts to this leg are encoded in, {@link AudioCodec#PCMA} until set. */
    AudioCodec codec() {
        return codec;
    }

    /** The RFC 4733 telephone-event payload type of this leg, -1 when none was agreed. */
    int telephoneEvent() {
        return telephoneEvent;
    }

    /** Callgate's own RTP stream towards this leg's peer. Event loop only. */
    RtpSource source() {
        return source;
    }

    /** Whether a prompt is being played to this leg's peer. Event loop only. */
    @Override
    public void hold(boolean on) {
        this.held = on;
    }

    boolean held() {
        return held;
    }

    boolean prompting() {
        return prompting;
    }

    void prompting(boolean on) {
        this.prompting = on;
    }

    /** The session's clock, for taps that need arrival times. */
    Clock clock() {
        return clock;
    }
}
