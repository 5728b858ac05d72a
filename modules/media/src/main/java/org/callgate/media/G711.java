package org.callgate.media;

import org.callgate.core.media.AudioCodec;

/**
 * ITU-T G.711 companding between 16-bit linear PCM and 8-bit µ-law (PCMU) or A-law (PCMA), the
 * two codecs callgate plays prompts in (RFC 3551 §4.5.14).
 *
 * <p>Encoding is a table lookup: µ-law only looks at the top 14 bits of a sample and A-law at
 * the top 13, so tables of 16,384 and 8,192 bytes, built once with the classic segment algorithm
 * (the reference code published with G.711), cover every input. They fit in a CPU's L1 cache, so
 * encoding a 20 ms frame costs 160 array reads and nothing is allocated while prompts play.
 *
 * <p>Silence is {@code 0xFF} in µ-law and {@code 0xD5} in A-law (the encodings of 0).
 */
public final class G711 {

    static final byte ULAW_SILENCE = (byte) 0xFF;
    static final byte ALAW_SILENCE = (byte) 0xD5;

    /** µ-law bias added before the segment search (33 in 14-bit units, 0x84 in 16-bit). */
    private static final int ULAW_BIAS = 0x84;

    private static final int ULAW_CLIP = 8159;
    private static final int[] ULAW_SEGMENT_END = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};
    private static final int[] ALAW_SEGMENT_END = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

    private static final byte[] ULAW_ENCODE = new byte[1 << 14];
    private static final byte[] ALAW_ENCODE = new byte[1 << 13];
    private static final short[] ULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];

    static {
        for (int i = 0; i < ULAW_ENCODE.length; i++) {
            ULAW_ENCODE[i] = (byte) ulawSegment((i << 18) >> 18); // sign-extend 14 bits
        }
        for (int i = 0; i < ALAW_ENCODE.length; i++) {
            ALAW_ENCODE[i] = (byte) alawSegment((i << 19) >> 19); // sign-extend 13 bits
        }
        for (int code = 0; code < 256; code++) {
            ULAW_DECODE[code] = ulawToLinear(code);
            ALAW_DECODE[code] = alawToLinear(code);
        }
    }

    private G711() {}

    public static byte ulaw(short sample) {
        return ULAW_ENCODE[(sample >> 2) & 0x3FFF];
    }

    public static byte alaw(short sample) {
        return ALAW_ENCODE[(sample >> 3) & 0x1FFF];
    }

    public static short ulawDecode(byte code) {
        return ULAW_DECODE[code & 0xFF];
    }

    public static short alawDecode(byte code) {
        return ALAW_DECODE[code & 0xFF];
    }

    /** The encoding of a zero sample in {@code codec}. */
    static byte silence(AudioCodec codec) {
        return codec == AudioCodec.PCMU ? ULAW_SILENCE : ALAW_SILENCE;
    }

    /** Encodes {@code length} samples from {@code from} into {@code to} at {@code at}. */
    static void encode(AudioCodec codec, short[] from, int offset, int length, byte[] to, int at) {
        if (codec == AudioCodec.PCMU) {
            for (int i = 0; i < length; i++) {
                to[at + i] = ULAW_ENCODE[(from[offset + i] >> 2) & 0x3FFF];
            }
        } else {
            for (int i = 0; i < length; i++) {
                to[at + i] = ALAW_ENCODE[(from[offset + i] >> 3) & 0x1FFF];
            }
        }
    }

    /** Decodes a whole payload in {@code codec} to linear samples. */
    public static short[] decode(AudioCodec codec, byte[] codes) {
        short[] table = codec == AudioCodec.PCMU ? ULAW_DECODE : ALAW_DECODE;
        short[] samples = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            samples[i] = table[codes[i] & 0xFF];
        }
        return samples;
    }

    /** µ-law of a 14-bit sample, G.711 reference algorithm. */
    private static int ulawSegment(int value) {
        int mask = 0xFF;
        if (value < 0) {
            value = -value;
            mask = 0x7F;
        }
        value = Math.min(value, ULAW_CLIP) + (ULAW_BIAS >> 2);
        int segment = segment(value, ULAW_SEGMENT_END);
        int code = segment >= 8 ? 0x7F : (segment << 4) | ((value >> (segment + 1)) & 0xF);
        return code ^ mask;
    }

    /** A-law of a 13-bit sample, G.711 reference algorithm (even bits inverted with 0x55). */
    private static int alawSegment(int value) {
        int mask = 0xD5;
        if (value < 0) {
            value = -value - 1;
            mask = 0x55;
        }
        int segment = segment(value, ALAW_SEGMENT_END);
        if (segment >= 8) {
            return 0x7F ^ mask;
        }
        int quantised = (value >> (segment < 2 ? 1 : segment)) & 0xF;
        return ((segment << 4) | quantised) ^ mask;
    }

    private static int segment(int value, int[] ends) {
        for (int segment = 0; segment < ends.length; segment++) {
            if (value <= ends[segment]) {
                return segment;
            }
        }
        return ends.length;
    }

    private static short ulawToLinear(int code) {
        int inverted = ~code & 0xFF;
        int magnitude = (((inverted & 0xF) << 3) + ULAW_BIAS) << ((inverted & 0x70) >> 4);
        return (short) ((inverted & 0x80) != 0 ? ULAW_BIAS - magnitude : magnitude - ULAW_BIAS);
    }

    private static short alawToLinear(int code) {
        int value = code ^ 0x55;
        int magnitude = (value & 0xF) << 4;
        int segment = (value & 0x70) >> 4;
        magnitude += segment == 0 ? 8 : 0x108;
        if (segment > 1) {
            magnitude <<= segment - 1;
        }
        return (short) ((value & 0x80) != 0 ? magnitude : -magnitude);
    }
}
