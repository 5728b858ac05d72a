package org.callgate.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.callgate.core.media.AudioSink;

/**
 * The recording format in the spool and the store: RIFF/WAVE, PCM, 8,000 Hz, 16-bit little-endian, two channels (caller
 * left, agent right), a 44-byte header. Linear PCM rather than G.711 because every player and
 * speech tool reads it, and a recording is played far less often than it is written.
 *
 * <p>The sizes in the header are only known at the end. While recording they are 0; {@link
 * #finish} writes them, and {@link #repair} does the same for a file left by a crash, from the
 * file's length (a partly written last frame is cut off).
 */
final class StereoWav {

    static final int SAMPLE_RATE = AudioSink.SAMPLE_RATE;
    static final int CHANNELS = 2;
    static final int BYTES_PER_FRAME = AudioSink.BYTES_PER_FRAME;
    static final int HEADER_BYTES = 44;

    private StereoWav() {}

    /** The header for {@code dataBytes} of audio. */
    static ByteBuffer header(long dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) (36 + dataBytes)).put(ascii("WAVE"));
        b.put(ascii("fmt "))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) CHANNELS)
                .putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE * BYTES_PER_FRAME)
                .putShort((short) BYTES_PER_FRAME)
                .putShort((short) 16);
        b.put(ascii("data")).putInt((int) dataBytes);
        return b.flip();
    }

    /** Writes the final sizes into the header of a file whose audio is {@code dataBytes} long. */
    static void finish(FileChannel channel, long dataBytes) throws IOException {
        ByteBuffer header = header(dataBytes);
        while (header.hasRemaining()) {
            channel.write(header, HEADER_BYTES - header.remaining());
        }
    }

    /**
     * Makes a WAV file left by a crash whole: cuts a partial last frame, writes the sizes, forces
     * it to disk.
     *
     * @return the number of stereo frames it holds
     */
    static long repair(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < HEADER_BYTES) {
                channel.truncate(0);
                channel.write(header(0), 0);
                channel.force(true);
                return 0;
            }
            long frames = (size - HEADER_BYTES) / BYTES_PER_FRAME;
            long dataBytes = frames * BYTES_PER_FRAME;
            channel.truncate(HEADER_BYTES + dataBytes);
            finish(channel, dataBytes);
            channel.force(true);
            return frames;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
