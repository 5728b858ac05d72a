package org.callgate.media;

/** Which of a leg's two sockets a packet belongs to (RFC 3550 §11: RTP on p, RTCP on p + 1). */
enum PacketKind {
    RTP,
    RTCP
}
