package org.callgate.media;

import java.util.Arrays;
import java.util.List;
import org.callgate.core.media.Audio;
import org.callgate.core.media.AudioCodec;

/**
 * Where a playback is in its clips: hands out the audio 160 samples (one 20 ms RTP frame, RFC
 * 3551 §4.5) at a time, encoded in G.711. Clips follow each other without a gap, so a frame may
 * span two of them; empty clips are skipped, and the last frame is padded with silence.
 *
 * <p>Encodes straight into the caller's packet array, so it allocates nothing. Not thread-safe.
 */
final class ClipCursor {

    private final List<Audio> clips;
    private int clip;
    private int position;

    ClipCursor(List<Audio> clips) {
        this.clips = clips;
        skipEmptyClips();
    }

    /** Whether every sample has been handed out. */
    boolean exhausted() {
        return clip == clips.size();
    }

    /**
     * Encodes the next {@code frame} samples into {@code to} from {@code at}, padding with silence
     * after the last sample.
     *
     * @return whether these were the last samples
     */
    boolean next(AudioCodec codec, int frame, byte[] to, int at) {
        int filled = 0;
        while (filled < frame && clip < clips.size()) {
            short[] samples = clips.get(clip).samples();
            int count = Math.min(frame - filled, samples.length - position);
            G711.encode(codec, samples, position, count, to, at + filled);
            filled += count;
            position += count;
            if (position == samples.length) {
                clip++;
                position = 0;
                skipEmptyClips();
            }
        }
        if (filled < frame) {
            Arrays.fill(to, at + filled, at + frame, G711.silence(codec));
        }
        return exhausted();
    }

    private void skipEmptyClips() {
        while (clip < clips.size() && clips.get(clip).samples().length == 0) {
            clip++;
        }
    }
}
