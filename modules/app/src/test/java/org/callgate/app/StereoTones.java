package org.callgate.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.callgate.media.G711;

/**
 * Test audio for recordings: pure tones as raw A-law files for SIPp's {@code rtp_stream}, and a
 * Goertzel filter to tell, in a recorded stereo WAV, which tone is in which channel.
 */
final class StereoTones {

    static final int RATE = 8000;

    private StereoTones() {}

    /** One second of a sine at {@code hertz} as raw A-law (it loops seamlessly: whole periods). */
    static Path writeAlawTone(Path file, int hertz) throws IOException {
        byte[] alaw = new byte[RATE];
        for (int i = 0; i < RATE; i++) {
            alaw[i] = G711.alaw((short) Math.round(8000 * Math.sin(2 * Math.PI * hertz * i / RATE)));
        }
        return Files.write(file, alaw);
    }

    /** A 16-bit stereo WAV's two channels, after checking its header. */
    static short[][] channels(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        check(b.getInt(0) == 0x46464952 && b.getInt(8) == 0x45564157, "not RIFF/WAVE");
        check(b.getShort(22) == 2, "channels: " + b.getShort(22));
        check(b.getInt(24) == RATE, "sample rate: " + b.getInt(24));
        check(b.getShort(34) == 16, "bits per sample: " + b.getShort(34));
        int dataBytes = b.getInt(40);
        check(dataBytes == wav.length - 44, "data size " + dataBytes + " in a file of " + wav.length);
        int frames = dataBytes / 4;
        short[][] out = new short[2][frames];
        b.position(44);
        for (int i = 0; i < frames; i++) {
            out[0][i] = b.getShort();
            out[1][i] = b.getShort();
        }
        return out;
    }

    /** The power of {@code hertz} in {@code samples[from, to)}, normalised by the length (Goertzel). */
    static double power(short[] samples, int from, int to, int hertz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / RATE);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = from; i < to; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return power / ((double) (to - from) * (to - from));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("bad WAV: " + what);
        }
    }
}
