package org.callgate.media;

import io.netty.buffer.ByteBuf;

/**
 * Reads the payload of an RFC 4733 telephone-event packet in place (RFC 4733 §2.3):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Events 0-15 are the DTMF keys 0-9, *, #, A-D (RFC 4733 §3.2). Every packet of one event
 * carries the timestamp of the event's start (§2.5.1.2) and a growing duration; the last one has
 * the E bit set and is usually sent three times (§2.5.1.4). The getters are absolute reads at
 * the payload's offset, like {@link RtpPacket}'s, so the receive path allocates nothing.
 */
final class TelephoneEvent {

    /** Size of one event in the payload. */
    static final int SIZE = 4;

    private TelephoneEvent() {}

    /**
     * Where the event of the RTP packet starts (relative to the reader index), or -1 when the
     * packet carries less than one event.
     */
    static int offset(ByteBuf rtp) {
        int offset = RtpPacket.payloadOffset(rtp);
        return offset < 0 || RtpPacket.payloadLength(rtp, offset) < SIZE ? -1 : offset;
    }

    /** The event code, 0-255. */
    static int event(ByteBuf rtp, int offset) {
        return rtp.getUnsignedByte(rtp.readerIndex() + offset);
    }

    /** The E bit: this packet reports the end of the event. */
    static boolean end(ByteBuf rtp, int offset) {
        return (rtp.getUnsignedByte(rtp.readerIndex() + offset + 1) & 0x80) != 0;
    }

    /** Power level of the tone in -dBm0, 0-63. */
    static int volume(ByteBuf rtp, int offset) {
        return rtp.getUnsignedByte(rtp.readerIndex() + offset + 1) & 0x3F;
    }

    /** Duration so far, in timestamp units (samples at 8 kHz). */
    static int duration(ByteBuf rtp, int offset) {
        return rtp.getUnsignedShort(rtp.readerIndex() + offset + 2);
    }
}
