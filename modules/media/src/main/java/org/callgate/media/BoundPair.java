package org.callgate.media;

import io.netty.channel.Channel;

/**
 * The two bound sockets of one leg: RTP on an even port, RTCP on the next port (RFC 3550 §11).
 * Both are registered on the session's event loop.
 */
record BoundPair(int port, Channel rtp, Channel rtcp) {

    Channel channel(PacketKind kind) {
        return kind == PacketKind.RTP ? rtp : rtcp;
    }
}
