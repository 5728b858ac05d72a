package org.callgate.media;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Second step of the receive path: symmetric RTP latching (RFC 4961). The first packet after the
 * SDP address is set latches the socket onto its source; later packets from any other source are
 * dropped and counted. Packets that pass are counted as received from the leg's peer.
 *
 * <p>Latching is logged at DEBUG, once per latch, never per packet.
 */
final class SourceLatchHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SourceLatchHandler.class);

    private final NettyMediaLeg leg;
    private final PacketKind kind;

    SourceLatchHandler(NettyMediaLeg leg, PacketKind kind) {
        this.leg = leg;
        this.kind = kind;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DatagramPacket packet = (DatagramPacket) msg;
        Latch.Verdict verdict = leg.latch(kind).accept(packet.sender());
        if (!verdict.accepted()) {
            leg.stats().dropped();
            packet.release();
            return;
        }
        if (verdict == Latch.Verdict.LATCHED && LOG.isDebugEnabled()) {
            try (CallMdc ignored = CallMdc.enter(leg.callId())) {
                LOG.debug("{} {} latched to {}", leg.side(), kind, packet.sender());
            }
        }
        leg.received(kind, packet.content());
        ctx.fireChannelRead(packet);
    }
}
