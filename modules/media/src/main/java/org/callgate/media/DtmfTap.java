package org.callgate.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

/**
 * Receive tap on the caller leg's RTP socket: feeds the RFC 4733 telephone-event packets (those
 * with the leg's agreed telephone-event payload type, RFC 4733 §7.1.1) to a {@link DtmfDetector},
 * which reports each key press once.
 *
 * <p>It sits right before {@value MediaPipeline#RELAY}, so it only sees valid packets from the
 * latched caller, already counted. It reads with absolute getters and passes every packet on
 * untouched: with the relay on, the agent platform gets the events too; with it off, the relay
 * step consumes them. Runs on the session's event loop, so the keys are reported there.
 */
final class DtmfTap extends ChannelInboundHandlerAdapter {

    static final String NAME = "dtmf";

    private final NettyMediaLeg leg;
    private final DtmfDetector detector;

    DtmfTap(NettyMediaLeg leg, DtmfDetector.Keys keys) {
        this.leg = leg;
        this.detector = new DtmfDetector(keys);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf rtp = ((DatagramPacket) msg).content();
        int payloadType = leg.telephoneEvent();
        if (payloadType >= 0 && RtpPacket.payloadType(rtp) == payloadType) {
            int offset = TelephoneEvent.offset(rtp);
            if (offset >= 0) {
                detector.update(
                        RtpPacket.ssrc(rtp),
                        RtpPacket.timestamp(rtp),
                        TelephoneEvent.event(rtp, offset),
                        TelephoneEvent.end(rtp, offset),
                        leg.clock().millis());
            }
        }
        ctx.fireChannelRead(msg);
    }
}
