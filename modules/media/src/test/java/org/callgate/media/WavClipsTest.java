package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.callgate.core.media.Audio;
import org.callgate.core.media.AudioCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompt files: the three accepted forms, and a clear message for everything else. */
class WavClipsTest {

    private static final short[] SAMPLES = {0, 1, -1, 1000, -1000, 32767, -32768, 12345};

    @TempDir
    Path dir;

    @Test
    void sixteenBitPcmIsReadAsIs() throws IOException {
        Path file = write("pcm.wav", wav(1, 1, 8000, 16, pcm(SAMPLES)));

        Audio audio = WavClips.read(file);

        assertThat(audio.samples()).containsExactly(SAMPLES);
        assertThat(audio.name()).isEqualTo(file.toString());
    }

    @Test
    void aLawIsDecodedToLinear() throws IOException {
        byte[] codes = new byte[SAMPLES.length];
        G711.encode(AudioCodec.PCMA, SAMPLES, 0, SAMPLES.length, codes, 0);

        Audio audio = WavClips.read(write("alaw.wav", wav(6, 1, 8000, 8, codes)));

        assertThat(audio.samples()).containsExactly(G711.decode(AudioCodec.PCMA, codes));
        assertThat(audio.samples()[3]).isCloseTo((short) 1000, within((short) 32));
    }

    @Test
    void muLawIsDecodedToLinear() throws IOException {
        byte[] codes = new byte[SAMPLES.length];
        G711.encode(AudioCodec.PCMU, SAMPLES, 0, SAMPLES.length, codes, 0);

        Audio audio = WavClips.read(write("ulaw.wav", wav(7, 1, 8000, 8, codes)));

        assertThat(audio.samples()).containsExactly(G711.decode(AudioCodec.PCMU, codes));
    }

    @Test
    void chunksOtherThanFmtAndDataAreSkippedWithTheirPadByte() throws IOException {
        byte[] list = chunk("LIST", "INFOISFT\u0003\0\0\0ab\0".getBytes(StandardCharsets.ISO_8859_1)); // odd size
        byte[] file = riff(chunk("fmt ", fmt(1, 1, 8000, 16)), list, chunk("data", pcm(SAMPLES)));

        assertThat(WavClips.read(write("list.wav", file)).samples()).containsExactly(SAMPLES);
    }

    @Test
    void aFileWrittenByTheJdkIsRead() throws Exception {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        byte[] data = pcm(SAMPLES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(
                new AudioInputStream(new ByteArrayInputStream(data), format, SAMPLES.length),
                AudioFileFormat.Type.WAVE,
                out);

        assertThat(WavClips.read(write("jdk.wav", out.toByteArray())).samples()).containsExactly(SAMPLES);
    }

    @Test
    void aSixteenKilohertzFileIsRefusedWithItsNameAndRate() throws IOException {
        Path file = write("greeting.wav", wav(1, 1, 16000, 16, pcm(SAMPLES)));

        assertThatThrownBy(() -> WavClips.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": 16000 Hz, callgate plays 8000 Hz mono");
    }

    @Test
    void stereoIsRefused() throws IOException {
        Path file = write("stereo.wav", wav(1, 2, 8000, 16, pcm(SAMPLES)));

        assertThatThrownBy(() -> WavClips.read(file)).hasMessage(file + ": 2 channels, callgate plays 8000 Hz mono");
    }

    @Test
    void eightBitPcmAndCompressedFormatsAreRefused() throws IOException {
        Path eightBit = write("8bit.wav", wav(1, 1, 8000, 8, new byte[16]));
        Path mp3 = write("mp3.wav", wav(0x55, 1, 8000, 0, new byte[16]));
        Path alaw16 = write("alaw16.wav", wav(6, 1, 8000, 16, new byte[16]));

        assertThatThrownBy(() -> WavClips.read(eightBit))
                .hasMessage(eightBit + ": 8-bit PCM, callgate plays 16-bit PCM");
        assertThatThrownBy(() -> WavClips.read(mp3))
                .hasMessage(mp3 + ": format 85, callgate plays 8000 Hz mono as 16-bit PCM (1), A-law (6) or µ-law (7)");
        assertThatThrownBy(() -> WavClips.read(alaw16))
                .hasMessage(alaw16 + ": 16-bit A-law, callgate plays 8-bit A-law");
    }

    @Test
    void filesThatAreNotWaveOrAreCutShortAreRefused() throws IOException {
        Path text = write("notes.wav", "just text, not audio".getBytes(StandardCharsets.US_ASCII));
        byte[] whole = wav(1, 1, 8000, 16, pcm(SAMPLES));
        Path cut = write("cut.wav", Arrays.copyOf(whole, whole.length - 4));
        Path noData = write("nodata.wav", riff(chunk("fmt ", fmt(1, 1, 8000, 16))));

        assertThatThrownBy(() -> WavClips.read(text)).hasMessage(text + ": not a RIFF/WAVE file");
        assertThatThrownBy(() -> WavClips.read(cut)).hasMessageStartingWith(cut + ": truncated RIFF/WAVE file");
        assertThatThrownBy(() -> WavClips.read(noData)).hasMessage(noData + ": no data chunk");
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    static byte[] wav(int format, int channels, int rate, int bits, byte[] data) {
        return riff(chunk("fmt ", fmt(format, channels, rate, bits)), chunk("data", data));
    }

    static byte[] pcm(short[] samples) {
        ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        data.asShortBuffer().put(samples);
        return data.array();
    }

    private static byte[] fmt(int format, int channels, int rate, int bits) {
        int block = channels * Math.max(1, bits / 8);
        return ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) format)
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * block)
                .putShort((short) block)
                .putShort((short) bits)
                .array();
    }

    private static byte[] chunk(String id, byte[] body) {
        ByteBuffer chunk =
                ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return chunk.array();
    }

    private static byte[] riff(byte[]... chunks) {
        int size = 4;
        for (byte[] chunk : chunks) {
            size += chunk.length;
        }
        ByteBuffer riff = ByteBuffer.allocate(8 + size).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(size)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            riff.put(chunk);
        }
        return riff.array();
    }
}
