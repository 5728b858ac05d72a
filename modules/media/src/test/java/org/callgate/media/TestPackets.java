package org.callgate.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds RTP and RTCP packets as a peer would send them. */
final class TestPackets {

    static final long SSRC = 0x1234_5678L;
    static final int PCMU = 0;

    private TestPackets() {}

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

    /**
     * An RFC 4733 telephone-event packet (§2.3) as a phone sends it: the event's start time as
     * timestamp, volume 10 (-10 dBm0), the duration so far and the end bit on the last ones.
     */
    static byte[] telephoneEvent(int payloadType, int seq, long timestamp, int event, boolean end, int duration) {
        return ByteBuffer.allocate(RtpPacket.RTP_HEADER + 4)
                .put((byte) 0x80)
                .put((byte) payloadType)
                .putShort((short) seq)
                .putInt((int) timestamp)
                .putInt((int) SSRC)
                .put((byte) event)
                .put((byte) ((end ? 0x80 : 0) | 10))
                .putShort((short) duration)
                .array();
    }

    /**
     * One key press as SIPp and most phones send it: updates every 50 ms (400 timestamp units)
     * from the start, the first with the marker bit (RFC 4733 §2.5.1.3), then the end packet three
     * times (§2.5.1.4); {@code updates + 3} packets from sequence number {@code firstSeq}.
     */
    static List<byte[]> keyPress(int payloadType, int firstSeq, long timestamp, int event, int updates) {
        List<byte[]> packets = new ArrayList<>();
        int seq = firstSeq;
        for (int i = 1; i <= updates; i++) {
            byte[] update = telephoneEvent(payloadType, seq++, timestamp, event, false, 400 * i);
            if (i == 1) {
                update[1] |= (byte) 0x80;
            }
            packets.add(update);
        }
        for (int i = 0; i < 3; i++) {
            packets.add(telephoneEvent(payloadType, seq++, timestamp, event, true, 400 * updates + 160));
        }
        return packets;
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
