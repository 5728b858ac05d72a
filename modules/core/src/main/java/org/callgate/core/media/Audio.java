package org.callgate.core.media;

import java.time.Duration;
import java.util.Objects;

/**
 * A clip of narrowband audio: 16-bit linear PCM samples at 8 kHz, mono. Prompts are loaded into
 * this form once at start-up and encoded to the leg's codec as they are played.
 *
 * @param name where the clip came from, for logs
 * @param samples the samples; not copied, never modify them
 */
public record Audio(String name, short[] samples) {

    public static final int SAMPLE_RATE = 8000;

    public Audio {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(samples, "samples");
    }

    public Duration duration() {
        return Duration.ofMillis(samples.length * 1000L / SAMPLE_RATE);
    }
}
