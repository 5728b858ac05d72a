package org.callgate.media;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Callgate's own RTP stream towards one leg's peer, the stream prompts are played on (RFC 3550
 * §5.1): a random SSRC, and a sequence number and timestamp that start at random values (§5.1,
 * "should be random (unpredictable) to make known-plaintext attacks ... more difficult") and then
 * run on across all the playbacks of the call.
 *
 * <p>Each playback is a talkspurt: its first packet has the marker bit (RFC 3551 §4.1), and its
 * timestamp is moved on by the wall time since the previous playback ended, so the timestamp
 * keeps tracking the sampling clock through the silence in between. A frame that could not be
 * sent (no peer address yet) still advances the timestamp but not the sequence number, since the
 * sequence number counts packets sent.
 *
 * <p>Event loop only, except construction.
 */
final class RtpSource {

    static final int SAMPLES_PER_FRAME = 160;
    private static final RandomGenerator RANDOM = new SecureRandom();

    private final int ssrc;
    private int sequence;
    private int timestamp;
    private boolean marker;
    private long pausedAtMillis = Long.MIN_VALUE;

    RtpSource() {
        this(RANDOM.nextInt(), RANDOM.nextInt(), RANDOM.nextInt());
    }

    RtpSource(int ssrc, int sequence, int timestamp) {
        this.ssrc = ssrc;
        this.sequence = sequence & 0xFFFF;
        this.timestamp = timestamp;
    }

    /** A playback starts at {@code nowMillis}: the next packet sent starts a talkspurt. */
    void talkspurt(long nowMillis) {
        if (pausedAtMillis != Long.MIN_VALUE && nowMillis > pausedAtMillis) {
            timestamp += (int) ((nowMillis - pausedAtMillis) * 8);
        }
        marker = true;
    }

    /** A playback ended at {@code nowMillis}. */
    void pause(long nowMillis) {
        pausedAtMillis = nowMillis;
    }

    /** Writes the 12-byte fixed header of the next packet into {@code packet}. */
    void header(byte[] packet, int payloadType) {
        packet[0] = (byte) 0x80;
        packet[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        putInt(packet, 4, timestamp);
        putInt(packet, 8, ssrc);
    }

    /** The packet whose header was written last was sent. */
    void sent() {
        sequence = (sequence + 1) & 0xFFFF;
        timestamp += SAMPLES_PER_FRAME;
        marker = false;
    }

    /** One frame's time passed without a packet. */
    void skipped() {
        timestamp += SAMPLES_PER_FRAME;
    }

    long ssrc() {
        return Integer.toUnsignedLong(ssrc);
    }

    private static void putInt(byte[] to, int at, int value) {
        to[at] = (byte) (value >> 24);
        to[at + 1] = (byte) (value >> 16);
        to[at + 2] = (byte) (value >> 8);
        to[at + 3] = (byte) value;
    }
}
