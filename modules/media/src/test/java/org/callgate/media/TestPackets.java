package org.callgate.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds RTP and RTCP packets as a peer would send them. */
final class TestPackets {

    static final long SSRC = 0x1234_5678L;
    static final int PCMU = 0;

    private TestPackets() {
    }

    /** An RTP packet (RFC 3550 §5.1) with a 20 ms PCMU-sized payload that names {@code seq}. */
    static byte[] rtp(int seq) {
        return rtp(seq, SSRC, payload("voice " + seq, 160));
    }

    static byte[] rtp(int seq, long ssrc, byte[] payload) {
        return ByteBuffer.allocate(RtpPacket.RTP_HEADER + payload.length)
                .put((byte) 0x80)
                .put((byte) PCMU)
                .putShort((short) seq)
                .putInt(seq * 160)
                .putInt((int) ssrc)
                .put(payload)
                .array();
    }

    /** An empty RTCP receiver report (RFC 3550 §6.4.2). */
    static byte[] rtcpReceiverReport(long ssrc) {
        return ByteBuffer.allocate(RtpPacket.RTCP_HEADER)
                .put((byte) 0x80)
                .put((byte) 201)
                .putShort((short) 1)
                .putInt((int) ssrc)
                .array();
    }

    /** {@code size} bytes starting with {@code text}, so a received payload tells which packet it was. */
    static byte[] payload(String text, int size) {
        byte[] payload = new byte[size];
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, payload, 0, Math.min(bytes.length, size));
        return payload;
    }
}
