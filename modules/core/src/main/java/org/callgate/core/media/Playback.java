package org.callgate.core.media;

/** A prompt sequence being played to the caller. */
public interface Playback {

    /** Stops playing (barge-in); the listener is told with {@code interrupted = true}. Idempotent. */
    void stop();

    /** Told once when a playback ends. Called on a media thread: do not block. */
    @FunctionalInterface
    interface Listener {
        void finished(boolean interrupted);
    }
}
