package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.callgate.core.media.AudioCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** G.711 µ-law and A-law against known code words, the quantisation bound and the JDK's decoders. */
class G711Test {

    @Test
    void zeroIsTheSilenceCodeWordOfEachLaw() {
        assertThat(G711.ulaw((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.alaw((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(G711.silence(AudioCodec.PCMU)).isEqualTo((byte) 0xFF);
        assertThat(G711.silence(AudioCodec.PCMA)).isEqualTo((byte) 0xD5);
    }

    @Test
    void knownCodeWordsDecodeToTheG711Values() {
        assertThat(G711.ulawDecode((byte) 0xFF)).isZero();
        assertThat(G711.ulawDecode((byte) 0x7F)).as("µ-law negative zero").isZero();
        assertThat(G711.ulawDecode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawDecode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.alawDecode((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawDecode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawDecode((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawDecode((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void fullScaleSamplesClipToTheLargestCodeWords() {
        assertThat(G711.ulaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.ulaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(G711.alaw(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(G711.alaw(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
    }

    @ParameterizedTest
    @EnumSource(AudioCodec.class)
    void everySampleSurvivesEncodeThenDecodeWithinTheQuantisationStep(AudioCodec codec) {
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            short decoded = decode(codec, encode(codec, (short) sample));
            int magnitude = Math.min(Math.abs(sample), 32000);
            // Segments double their step with the magnitude: the error stays within ~1/32 of it.
            int bound = Math.max(16, magnitude / 16) + Math.max(0, Math.abs(sample) - 32000);
            assertThat(Math.abs(decoded - sample)).as("%s of %d", codec, sample).isLessThanOrEqualTo(bound);
            assertThat(Integer.signum(decoded) * Integer.signum(sample))
                    .as("sign of %d", sample)
                    .isNotNegative();
        }
    }

    @ParameterizedTest
    @EnumSource(AudioCodec.class)
    void decodingThenEncodingGivesBackEveryCodeWord(AudioCodec codec) {
        for (int code = 0; code < 256; code++) {
            if (codec == AudioCodec.PCMU && code == 0x7F) {
                continue; // negative zero is encoded as zero
            }
            assertThat(encode(codec, decode(codec, (byte) code)) & 0xFF)
                    .as("%s code %02x", codec, code)
                    .isEqualTo(code);
        }
    }

    @ParameterizedTest
    @EnumSource(AudioCodec.class)
    void theEncodingIsMonotonic(AudioCodec codec) {
        short previous = Short.MIN_VALUE;
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            short decoded = decode(codec, encode(codec, (short) sample));
            assertThat(decoded).isGreaterThanOrEqualTo(previous);
            previous = decoded;
        }
    }

    @ParameterizedTest
    @EnumSource(AudioCodec.class)
    void decodersAgreeWithTheJdksG711Codecs(AudioCodec codec) throws Exception {
        byte[] codes = new byte[256];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) i;
        }
        AudioFormat.Encoding encoding =
                codec == AudioCodec.PCMU ? AudioFormat.Encoding.ULAW : AudioFormat.Encoding.ALAW;
        AudioFormat g711 = new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
        AudioFormat linear = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 8000, 16, 1, 2, 8000, true);
        byte[] jdk;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(
                linear, new AudioInputStream(new ByteArrayInputStream(codes), g711, codes.length))) {
            jdk = in.readAllBytes();
        }

        short[] ours = G711.decode(codec, codes);
        for (int i = 0; i < codes.length; i++) {
            assertThat(ours[i]).as("code %02x", i).isEqualTo((short) ((jdk[2 * i] << 8) | (jdk[2 * i + 1] & 0xFF)));
        }
    }

    @Test
    void encodingAFrameFillsTheGivenRangeOnly() {
        short[] samples = {0, 1000, -1000, 30000};
        byte[] out = new byte[8];

        G711.encode(AudioCodec.PCMU, samples, 1, 3, out, 2);

        assertThat(out)
                .containsExactly(
                        0, 0, G711.ulaw((short) 1000), G711.ulaw((short) -1000), G711.ulaw((short) 30000), 0, 0, 0);
    }

    private static byte encode(AudioCodec codec, short sample) {
        return codec == AudioCodec.PCMU ? G711.ulaw(sample) : G711.alaw(sample);
    }

    private static short decode(AudioCodec codec, byte code) {
        return codec == AudioCodec.PCMU ? G711.ulawDecode(code) : G711.alawDecode(code);
    }
}
