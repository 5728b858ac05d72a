package org.callgate.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last step of the receive path: sends the packet out of the other leg's socket of the same kind
 * to that leg's peer, so both peers only ever see callgate's ports (the media anchor).
 *
 * <p>Packets with no known destination, or whose outgoing socket is not writable, are dropped and
 * counted on the receiving leg: late RTP is useless, so the outbound queue stays bounded by the
 * channel's write-buffer water marks instead of growing. Writes are flushed once per read batch
 * ({@code channelReadComplete}), which lets epoll send a batch with one {@code sendmmsg} call.
 *
 * <p>While the session's {@link RelaySwitch} is off (the caller is in the IVR) every packet is
 * consumed here, after the receive taps have seen it. While a prompt plays to the other leg's
 * peer, RTP for that peer is consumed too, so relayed audio never interleaves with the prompt's
 * packets in one stream.
 *
 * <p>Errors on a UDP socket (e.g. an ICMP port unreachable) are logged at DEBUG and never close
 * the channel: the peer may come back.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(RelayHandler.class);

    private final NettyMediaLeg ingress;
    private final NettyMediaLeg egress;
    private final PacketKind kind;
    private final RelaySwitch relay;
    private Channel unflushed;

    RelayHandler(NettyMediaLeg ingress, NettyMediaLeg egress, PacketKind kind, RelaySwitch relay) {
        this.ingress = ingress;
        this.egress = egress;
        this.kind = kind;
        this.relay = relay;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DatagramPacket packet = (DatagramPacket) msg;
        try {
            if (!relay.on() || (kind == PacketKind.RTP && egress.prompting())) {
                return;
            }
            Channel out = egress.channel(kind);
            InetSocketAddress destination = egress.latch(kind).destination();
            if (out == null || destination == null || !out.isWritable()) {
                ingress.stats().dropped();
                return;
            }
            ByteBuf content = packet.content();
            int bytes = content.readableBytes();
            out.write(new DatagramPacket(content.retain(), destination), out.voidPromise());
            egress.stats().sent(kind, bytes);
            unflushed = out;
        } finally {
            packet.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Channel out = unflushed;
        if (out != null) {
            unflushed = null;
            out.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (LOG.isDebugEnabled()) {
            try (CallMdc ignored = CallMdc.enter(ingress.callId())) {
                LOG.debug("{} {} socket error, ignored: {}", ingress.side(), kind, cause.toString());
            }
        }
    }
}
