package org.callgate.core.media;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A finished recording on disk.
 *
 * @param file the WAV file (8 kHz, 16-bit, stereo: caller left, agent right)
 * @param frames stereo sample frames written (8,000 per second)
 * @param bytes the file's length, header included
 * @param lateSamples samples that arrived after their place had been written and were dropped
 */
public record RecordedAudio(Path file, long frames, long bytes, long lateSamples) {

    /** The audio's length: frames at 8 kHz. */
    public Duration duration() {
        return Duration.ofMillis(frames / 8);
    }
}
