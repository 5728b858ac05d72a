package org.callgate.media;

import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;
import org.callgate.core.media.AudioCodec;
import org.callgate.core.media.AudioSink;
import org.callgate.core.media.LegSide;

/**
 * Places the G.711 audio of both legs on one timeline and hands it on as interleaved stereo PCM
 * (caller left, agent right), in order, each frame once. Event loop only: both legs of a session
 * share one loop, so no locking.
 *
 * <p>A leg's packets are placed by RTP timestamp (RFC 3550 §5.1: samples, so loss and DTX leave
 * exact gaps) from an anchor set by arrival time: the first packet, a new SSRC, or timestamps
 * that disagree with arrival time (hold, a restarted sender)
 * re-anchor the leg at its arrival; a sender whose clock runs slow is pulled back (see {@link
 * Track}). The two legs are thus aligned within about 20 ms of their arrival times.
 *
 * <p>Audio is kept in a ring of {@value #WINDOW_MILLIS} ms and written once it is {@value
 * #HOLD_BACK_MILLIS} ms old, so a late packet still lands in place; one that arrives after its
 * place was written is dropped and counted. Places nobody sent stay silent.
 */
final class StereoRecorder {

    static final int SAMPLES_PER_MILLI = 8;
    /**
     * The ring's span: the audio not yet written (at most the {@value #HOLD_BACK_MILLIS} ms hold-back
     * plus the {@value SessionRecording#FLUSH_MILLIS} ms between two flushes, and {@value
     * #EARLY_MILLIS} ms ahead), with more than a second to spare for an event loop held up.
     */
    static final int WINDOW_MILLIS = 2_000;

    static final int HOLD_BACK_MILLIS = 200;
    static final int EARLY_MILLIS = 20;
    static final int JUMP_MILLIS = 1_000;
    private static final int WINDOW = WINDOW_MILLIS * SAMPLES_PER_MILLI;

    private final long startMillis;
    private final Consumer<byte[]> out;
    private final RingPool rings;
    /**
     * Both legs' samples of the last {@value #WINDOW_MILLIS} ms: 64 KiB a call, from the {@link
     * RingPool}. Given back when the recording ends, since the call's objects stay reachable for a
     * while after (JAIN-SIP keeps a dialog for its RFC 3261 timers): at 400 calls/s the rings of
     * ended calls filled a 512 MB heap.
     */
    private short[][] ring;

    private final Track[] tracks = {new Track(), new Track()};
    private byte[] scratch = new byte[160];
    private long written;
    private long frames;
    private long late;

    /**
     * @param startMillis clock millis of sample 0 (the agent's answer)
     * @param out receives the frames, in order, as little-endian 16-bit stereo PCM
     */
    StereoRecorder(long startMillis, Consumer<byte[]> out) {
        this(startMillis, out, RingPool.SHARED);
    }

    StereoRecorder(long startMillis, Consumer<byte[]> out, RingPool rings) {
        this.startMillis = startMillis;
        this.out = out;
        this.rings = rings;
        this.ring = rings.take(WINDOW);
    }

    /** One RTP packet's G.711 payload from {@code side}, received at {@code arrivalMillis}. */
    void accept(
            LegSide side,
            AudioCodec codec,
            long ssrc,
            long timestamp,
            ByteBuf payload,
            int offset,
            int length,
            long arrivalMillis) {
        if (ring == null) {
            return; // the recording has ended
        }
        int channel = side == LegSide.CALLER ? 0 : 1;
        long arrivalEnd = (arrivalMillis - startMillis) * SAMPLES_PER_MILLI;
        long first = tracks[channel].place(ssrc, timestamp, arrivalEnd - length);
        short[] samples = ring[channel];
        // One bounds-and-liveness check for the packet, not one per sample (Netty checks each get).
        byte[] codes = payloadCopy(length);
        payload.getBytes(offset, codes, 0, length);
        for (int i = 0; i < length; i++) {
            long position = first + i;
            if (position < written) {
                late++;
            } else if (position < written + WINDOW) {
                byte code = codes[i];
                samples[(int) (position % WINDOW)] =
                        codec == AudioCodec.PCMA ? G711.alawDecode(code) : G711.ulawDecode(code);
            }
        }
    }

    /** This recorder's scratch copy of a payload, grown to {@code length} when needed. */
    private byte[] payloadCopy(int length) {
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        return scratch;
    }

    /** Writes what is at least {@value #HOLD_BACK_MILLIS} ms old at {@code nowMillis}. */
    void flush(long nowMillis) {
        if (ring != null) {
            writeUpTo((nowMillis - startMillis - HOLD_BACK_MILLIS) * SAMPLES_PER_MILLI);
        }
    }

    /**
     * Writes everything up to {@code nowMillis}, silence included: the recording ends there, and
     * later packets and flushes are ignored.
     */
    void finish(long nowMillis) {
        if (ring != null) {
            writeUpTo((nowMillis - startMillis) * SAMPLES_PER_MILLI);
            rings.give(ring);
            ring = null;
        }
    }

    long frames() {
        return frames;
    }

    long lateSamples() {
        return late;
    }

    private void writeUpTo(long end) {
        while (written < end) {
            long stop = Math.min(end, written + WINDOW / 4);
            byte[] chunk = new byte[(int) (stop - written) * AudioSink.BYTES_PER_FRAME];
            int at = 0;
            for (long position = written; position < stop; position++) {
                int slot = (int) (position % WINDOW);
                at = putSample(chunk, at, ring[0][slot]);
                at = putSample(chunk, at, ring[1][slot]);
                ring[0][slot] = 0;
                ring[1][slot] = 0;
            }
            frames += stop - written;
            written = stop;
            out.accept(chunk);
        }
    }

    private static int putSample(byte[] chunk, int at, short sample) {
        chunk[at] = (byte) sample;
        chunk[at + 1] = (byte) (sample >> 8);
        return at + 2;
    }

    /**
     * Where one leg's RTP timestamps fall on the recording's timeline. A network only ever delays
     * a packet, so a packet placed later than it arrived means the anchor is wrong: more than
     * {@value #EARLY_MILLIS} ms early, or more than {@value #JUMP_MILLIS} ms late (a hold, a
     * restarted sender), re-anchors at arrival; a whole second of packets all later than {@value
     * #EARLY_MILLIS} ms moves the anchor by the smallest delay seen (the sender's clock is slower
     * than ours). That keeps each leg within about 20 ms of its arrival time.
     */
    private static final class Track {
        private static final long EARLY = (long) EARLY_MILLIS * SAMPLES_PER_MILLI;
        private static final long JUMP = (long) JUMP_MILLIS * SAMPLES_PER_MILLI;
        private static final int WINDOW_PACKETS = 50;

        private boolean anchored;
        private long ssrc;
        private long lastTimestamp;
        private long lastPosition;
        private long minDelay = Long.MAX_VALUE;
        private int seen;

        /** The position of the packet's first sample; {@code arrivalPosition} is where arrival puts it. */
        long place(long packetSsrc, long timestamp, long arrivalPosition) {
            long position = lastPosition + (int) (timestamp - lastTimestamp); // 32-bit wrap-around
            long delay = arrivalPosition - position;
            if (!anchored || packetSsrc != ssrc || delay < -EARLY || delay > JUMP) {
                anchored = true;
                ssrc = packetSsrc;
                position = arrivalPosition;
                restartWindow();
            } else if (windowFull(delay)) {
                position += minDelay;
                restartWindow();
            }
            lastTimestamp = timestamp;
            lastPosition = position;
            return position;
        }

        /** Whether a window of packets all arrived more than EARLY late; minDelay is then their least delay. */
        private boolean windowFull(long delay) {
            minDelay = Math.min(minDelay, delay);
            return ++seen >= WINDOW_PACKETS && minDelay > EARLY;
        }

        private void restartWindow() {
            minDelay = Long.MAX_VALUE;
            seen = 0;
        }
    }
}
