package org.callgate.media;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DatagramChannel;
import org.callgate.core.media.LegSide;

/**
 * Builds the receive path of one socket. Every datagram goes through, in order:
 *
 * <ol>
 *   <li>{@value #VALIDATE}: {@link PacketValidator} drops what is not RTP/RTCP;
 *   <li>{@value #LATCH}: {@link SourceLatchHandler} latches onto the peer (RFC 4961), drops
 *       foreign sources and counts what the peer sent;
 *   <li><b>receive taps</b>: {@value DtmfTap#NAME} ({@link DtmfTap}, RFC 4733 DTMF) on the
 *       caller leg's RTP socket, and {@value RecorderTap#NAME} ({@link RecorderTap}) on both legs' RTP sockets. They go right before {@value #RELAY}
 *       ({@code pipeline.addBefore(RELAY, ...)}), so they only see valid packets from the
 *       latched peer, already counted. A tap
 *       receives a {@code DatagramPacket}, must read it with absolute getters (or a
 *       {@code retainedDuplicate()} it releases itself) and must pass it on with
 *       {@code fireChannelRead}, since relaying comes after it. It runs on the session's event
 *       loop, like the rest of the session;
 *   <li>{@value #RELAY}: {@link RelayHandler} sends it out of the other leg, unless the
 *       session's {@link RelaySwitch} is off.
 * </ol>
 */
final class MediaPipeline {

    static final String VALIDATE = "validate";
    static final String LATCH = "latch";
    static final String RELAY = "relay";

    private MediaPipeline() {}

    /**
     * The initializer of the {@code kind} socket of {@code ingress}, relaying to {@code egress}
     * while {@code relay} is on; key presses on the caller leg go to {@code keys}.
     */
    static ChannelInitializer<DatagramChannel> initializer(
            NettyMediaLeg ingress,
            NettyMediaLeg egress,
            PacketKind kind,
            RelaySwitch relay,
            DtmfDetector.Keys keys,
            RecorderSlot recorder) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(DatagramChannel channel) {
                init(channel.pipeline(), ingress, egress, kind, relay, keys, recorder);
            }
        };
    }

    static void init(
            ChannelPipeline pipeline,
            NettyMediaLeg ingress,
            NettyMediaLeg egress,
            PacketKind kind,
            RelaySwitch relay,
            DtmfDetector.Keys keys,
            RecorderSlot recorder) {
        pipeline.addLast(VALIDATE, new PacketValidator(ingress, kind));
        pipeline.addLast(LATCH, new SourceLatchHandler(ingress, kind));
        pipeline.addLast(RELAY, new RelayHandler(ingress, egress, kind, relay));
        if (kind == PacketKind.RTP && ingress.side() == LegSide.CALLER) {
            pipeline.addBefore(RELAY, DtmfTap.NAME, new DtmfTap(ingress, keys));
        }
        if (kind == PacketKind.RTP) {
            pipeline.addBefore(RELAY, RecorderTap.NAME, new RecorderTap(ingress, recorder));
        }
    }
}
