package org.callgate.media;

import io.netty.buffer.ByteBuf;

/**
 * Reads the fixed RTP header (RFC 3550 §5.1) and the common RTCP header (RFC 3550 §6.4.1) of a
 * packet in place.
 *
 * <p>All methods use absolute reads from the buffer's reader index and never move it, so any
 * handler in the receive path may look at a packet without disturbing the ones after it.
 */
final class RtpPacket {

    /** Size of the fixed RTP header without CSRCs or extension. */
    static final int RTP_HEADER = 12;
    /** Size of the RTCP common header plus the sender SSRC. */
    static final int RTCP_HEADER = 8;

    static final int VERSION = 2;

    private RtpPacket() {}

    /**
     * Minimal RTP check of RFC 3550 §A.1: version 2 and room for the fixed header. Deeper checks
     * (padding, CSRC count, payload type) are left to the endpoints; the relay only has to avoid
     * counting garbage as media.
     */
    static boolean isRtp(ByteBuf packet) {
        return packet.readableBytes() >= RTP_HEADER && version(packet) == VERSION;
    }

    /**
     * Minimal RTCP check after RFC 3550 §A.2: version 2, room for the header and a packet type in
     * the RTCP range 192-223 (RFC 5761 §4).
     */
    static boolean isRtcp(ByteBuf packet) {
        if (packet.readableBytes() < RTCP_HEADER || version(packet) != VERSION) {
            return false;
        }
        int type = packet.getUnsignedByte(packet.readerIndex() + 1);
        return type >= 192 && type <= 223;
    }

    static int version(ByteBuf packet) {
        return packet.getUnsignedByte(packet.readerIndex()) >> 6;
    }

    static boolean marker(ByteBuf packet) {
        return (packet.getUnsignedByte(packet.readerIndex() + 1) & 0x80) != 0;
    }

    static int payloadType(ByteBuf packet) {
        return packet.getUnsignedByte(packet.readerIndex() + 1) & 0x7f;
    }

    static int sequence(ByteBuf packet) {
        return packet.getUnsignedShort(packet.readerIndex() + 2);
    }

    static long timestamp(ByteBuf packet) {
        return packet.getUnsignedInt(packet.readerIndex() + 4);
    }

    static long ssrc(ByteBuf packet) {
        return packet.getUnsignedInt(packet.readerIndex() + 8);
    }

    /**
     * Where the payload starts, relative to the reader index: after the fixed header, the CSRC
     * list and the header extension (RFC 3550 §5.1, §5.3.1); -1 when they overrun the packet.
     */
    static int payloadOffset(ByteBuf packet) {
        int start = packet.readerIndex();
        int first = packet.getUnsignedByte(start);
        int offset = RTP_HEADER + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (offset + 4 > packet.readableBytes()) {
                return -1;
            }
            offset += 4 + 4 * packet.getUnsignedShort(start + offset + 2);
        }
        return offset <= packet.readableBytes() ? offset : -1;
    }

    /**
     * Bytes of payload after {@code offset} (from {@link #payloadOffset}), without the padding the
     * last octet counts when the P bit is set (RFC 3550 §5.1); -1 when the padding is malformed.
     */
    static int payloadLength(ByteBuf packet, int offset) {
        int length = packet.readableBytes() - offset;
        if ((packet.getUnsignedByte(packet.readerIndex()) & 0x20) != 0 && length > 0) {
            int padding = packet.getUnsignedByte(packet.writerIndex() - 1);
            length = padding == 0 || padding > length ? -1 : length - padding;
        }
        return length;
    }
}
