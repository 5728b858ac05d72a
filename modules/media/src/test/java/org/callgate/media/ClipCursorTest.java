package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.callgate.core.media.Audio;
import org.callgate.core.media.AudioCodec;
import org.junit.jupiter.api.Test;

/** Cutting clips into 20 ms frames. */
class ClipCursorTest {

    private final byte[] packet = new byte[12 + 160];

    @Test
    void aClipOfWholeFramesEndsWithItsLastFrame() {
        ClipCursor cursor = new ClipCursor(List.of(clip("a", 320, (short) 1000)));

        assertThat(cursor.next(AudioCodec.PCMU, 160, packet, 12)).isFalse();
        assertThat(cursor.next(AudioCodec.PCMU, 160, packet, 12)).isTrue();
        assertThat(Arrays.copyOfRange(packet, 12, 172)).containsOnly(G711.ulaw((short) 1000));
        assertThat(cursor.exhausted()).isTrue();
    }

    @Test
    void aFrameSpansTwoClipsAndTheLastIsPaddedWithSilence() {
        ClipCursor cursor = new ClipCursor(List.of(clip("a", 100, (short) 1000), clip("b", 100, (short) -1000)));

        assertThat(cursor.next(AudioCodec.PCMA, 160, packet, 12)).isFalse();
        assertThat(Arrays.copyOfRange(packet, 12, 112)).containsOnly(G711.alaw((short) 1000));
        assertThat(Arrays.copyOfRange(packet, 112, 172)).containsOnly(G711.alaw((short) -1000));

        assertThat(cursor.next(AudioCodec.PCMA, 160, packet, 12)).isTrue();
        assertThat(Arrays.copyOfRange(packet, 12, 52)).containsOnly(G711.alaw((short) -1000));
        assertThat(Arrays.copyOfRange(packet, 52, 172)).containsOnly(G711.ALAW_SILENCE);
    }

    @Test
    void emptyClipsAreSkippedWhereverTheyAre() {
        Audio empty = new Audio("empty", new short[0]);
        ClipCursor cursor = new ClipCursor(List.of(empty, clip("a", 160, (short) 5), empty, empty));

        assertThat(cursor.exhausted()).isFalse();
        assertThat(cursor.next(AudioCodec.PCMU, 160, packet, 12))
                .as("nothing after the only samples")
                .isTrue();
        assertThat(new ClipCursor(List.of(empty, empty)).exhausted()).isTrue();
        assertThat(new ClipCursor(List.of()).exhausted()).isTrue();
    }

    @Test
    void theHeaderInFrontOfThePayloadIsLeftAlone() {
        Arrays.fill(packet, 0, 12, (byte) 0x42);

        new ClipCursor(List.of(clip("a", 10, (short) 0))).next(AudioCodec.PCMU, 160, packet, 12);

        assertThat(Arrays.copyOfRange(packet, 0, 12)).containsOnly((byte) 0x42);
    }

    private static Audio clip(String name, int samples, short value) {
        short[] audio = new short[samples];
        Arrays.fill(audio, value);
        return new Audio(name, audio);
    }
}
