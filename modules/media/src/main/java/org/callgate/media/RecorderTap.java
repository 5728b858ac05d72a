package org.callgate.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import org.callgate.core.media.AudioCodec;

/**
 * Receive tap on both legs' RTP sockets: while the session records, hands each G.711 packet's
 * payload to its {@link StereoRecorder} (other payload types, such as telephone-event or comfort
 * noise, are not audio to record). It reads with absolute getters and passes every packet on.
 */
final class RecorderTap extends ChannelInboundHandlerAdapter {

    static final String NAME = "recorder";

    private final NettyMediaLeg leg;
    private final RecorderSlot slot;

    RecorderTap(NettyMediaLeg leg, RecorderSlot slot) {
        this.leg = leg;
        this.slot = slot;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        StereoRecorder recorder = slot.recorder();
        if (recorder != null) {
            ByteBuf rtp = ((DatagramPacket) msg).content();
            AudioCodec codec = AudioCodec.ofPayloadType(RtpPacket.payloadType(rtp));
            int offset = codec == null ? -1 : RtpPacket.payloadOffset(rtp);
            int length = offset < 0 ? -1 : RtpPacket.payloadLength(rtp, offset);
            if (length > 0) {
                recorder.accept(
                        leg.side(),
                        codec,
                        RtpPacket.ssrc(rtp),
                        RtpPacket.timestamp(rtp),
                        rtp,
                        rtp.readerIndex() + offset,
                        length,
                        leg.clock().millis());
            }
        }
        ctx.fireChannelRead(msg);
    }
}
