package org.callgate.core.media;

import java.time.Duration;

/**
 * A finished recording, durable where its {@link AudioSink} keeps it.
 *
 * @param frames stereo sample frames written ({@value AudioSink#SAMPLE_RATE} a second)
 * @param bytes the size of what the sink keeps, header included
 * @param lateSamples samples that arrived after their place had been written and were dropped
 */
public record RecordedAudio(long frames, long bytes, long lateSamples) {

    /** The audio's length: frames at 8 kHz. */
    public Duration duration() {
        return Duration.ofMillis(frames * 1000 / AudioSink.SAMPLE_RATE);
    }
}
