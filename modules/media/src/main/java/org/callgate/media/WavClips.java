package org.callgate.media;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.callgate.core.media.Audio;
import org.callgate.core.media.AudioCodec;

/**
 * Reads prompt files into {@link Audio}: RIFF/WAVE files of 8 kHz mono audio, as 16-bit linear
 * PCM (format 1) or as G.711 A-law (format 6) or µ-law (format 7) at 8 bits, which is what
 * recording tools and telephony prompt libraries produce. G.711 files are decoded to linear here,
 * once, and encoded again to each caller's codec as they play.
 *
 * <p>The RIFF layout is read by hand (little-endian chunks: {@code fmt }, {@code data}, anything
 * else skipped, each padded to an even size), without {@code javax.sound}. A file in any other
 * form is refused with an {@link IllegalArgumentException} that names the file and says what is
 * wrong, e.g. {@code prompts/nl/greeting.wav: 16000 Hz, callgate plays 8000 Hz mono}, so that a
 * bad prompt stops callgate at start-up rather than during a call.
 */
public final class WavClips {

    private static final int PCM = 1;
    private static final int ALAW = 6;
    private static final int ULAW = 7;
    private static final int EXTENSIBLE = 0xFFFE;
    private static final String EXPECTED = "callgate plays 8000 Hz mono";

    private WavClips() {}

    /**
     * The samples of a WAV file, named by its path.
     *
     * @throws IllegalArgumentException when the file is not an 8 kHz mono 16-bit PCM, A-law or
     *     µ-law WAV file
     * @throws IOException when it cannot be read
     */
    public static Audio read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        try {
            return new Audio(file.toString(), samples(bytes, file));
        } catch (BufferUnderflowException e) {
            throw invalid(file, "truncated RIFF/WAVE file");
        }
    }

    private static short[] samples(ByteBuffer bytes, Path file) {
        if (bytes.remaining() < 12 || bytes.getInt() != fourCc("RIFF")) {
            throw invalid(file, "not a RIFF/WAVE file");
        }
        bytes.getInt(); // RIFF size: trusted less than the chunks themselves
        if (bytes.getInt() != fourCc("WAVE")) {
            throw invalid(file, "not a RIFF/WAVE file");
        }
        int format = -1;
        while (bytes.remaining() >= 8) {
            int id = bytes.getInt();
            long size = Integer.toUnsignedLong(bytes.getInt());
            if (size > bytes.remaining()) {
                throw invalid(
                        file, "truncated RIFF/WAVE file (chunk of " + size + " bytes, " + bytes.remaining() + " left)");
            }
            ByteBuffer chunk = bytes.slice(bytes.position(), (int) size).order(ByteOrder.LITTLE_ENDIAN);
            if (id == fourCc("fmt ")) {
                format = format(chunk, file);
            } else if (id == fourCc("data")) {
                if (format < 0) {
                    throw invalid(file, "data chunk before the fmt chunk");
                }
                return decode(chunk, format);
            }
            bytes.position(bytes.position() + (int) Math.min(size + (size & 1), bytes.remaining()));
        }
        throw invalid(file, format < 0 ? "no fmt chunk" : "no data chunk");
    }

    /** Checks the fmt chunk (its WAVEFORMATEX fields) and returns the format code. */
    private static int format(ByteBuffer fmt, Path file) {
        int format = Short.toUnsignedInt(fmt.getShort());
        int channels = Short.toUnsignedInt(fmt.getShort());
        int rate = fmt.getInt();
        fmt.getInt(); // byte rate
        fmt.getShort(); // block align
        int bits = Short.toUnsignedInt(fmt.getShort());
        if (format == EXTENSIBLE && fmt.remaining() >= 10) {
            fmt.position(fmt.position() + 8); // cbSize, valid bits, channel mask
            format = Short.toUnsignedInt(fmt.getShort()); // first two bytes of the sub-format GUID
        }
        if (rate != Audio.SAMPLE_RATE) {
            throw invalid(file, Integer.toUnsignedString(rate) + " Hz, " + EXPECTED);
        }
        if (channels != 1) {
            throw invalid(file, channels + " channels, " + EXPECTED);
        }
        switch (format) {
            case PCM -> requireBits(file, "PCM", bits, 16);
            case ALAW -> requireBits(file, "A-law", bits, 8);
            case ULAW -> requireBits(file, "µ-law", bits, 8);
            default ->
                throw invalid(
                        file, "format " + format + ", " + EXPECTED + " as 16-bit PCM (1), A-law (6) or µ-law (7)");
        }
        return format;
    }

    private static void requireBits(Path file, String format, int bits, int expected) {
        if (bits != expected) {
            throw invalid(file, bits + "-bit " + format + ", callgate plays " + expected + "-bit " + format);
        }
    }

    private static short[] decode(ByteBuffer data, int format) {
        if (format == PCM) {
            short[] samples = new short[data.remaining() / 2];
            data.asShortBuffer().get(samples);
            return samples;
        }
        byte[] codes = new byte[data.remaining()];
        data.get(codes);
        return G711.decode(format == ALAW ? AudioCodec.PCMA : AudioCodec.PCMU, codes);
    }

    private static int fourCc(String id) {
        return id.charAt(0) | id.charAt(1) << 8 | id.charAt(2) << 16 | id.charAt(3) << 24;
    }

    private static IllegalArgumentException invalid(Path file, String problem) {
        return new IllegalArgumentException(file + ": " + problem);
    }
}
