package org.callgate.media;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/**
 * First step of the receive path: drops datagrams that are not RTP (on the RTP socket) or RTCP
 * (on the RTCP socket), counting them on the leg, so later steps and the peer only see packets
 * with a well-formed header (RFC 3550 §A.1, §A.2). A UDP channel is never closed for bad input.
 */
final class PacketValidator extends ChannelInboundHandlerAdapter {

    private final NettyMediaLeg leg;
    private final PacketKind kind;

    PacketValidator(NettyMediaLeg leg, PacketKind kind) {
        this.leg = leg;
        this.kind = kind;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DatagramPacket packet && valid(packet)) {
            ctx.fireChannelRead(packet);
            return;
        }
        leg.stats().dropped();
        ReferenceCountUtil.release(msg);
    }

    private boolean valid(DatagramPacket packet) {
        return kind == PacketKind.RTP ? RtpPacket.isRtp(packet.content()) : RtpPacket.isRtcp(packet.content());
    }
}
