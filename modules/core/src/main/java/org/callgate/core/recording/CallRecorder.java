package org.callgate.core.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.callgate.core.media.RecordedAudio;

/**
 * Where recorded calls go: the spool and, from there, the store (DESIGN §1 steps 6-7). The SIP
 * layer calls {@link #begin} when the agent answers a call whose {@link Recording} says to record
 * it (R4: the conversation, not the IVR), records the media into the file it gets, and calls
 * {@link #end} when the conversation is over.
 *
 * <p>Implementations keep the facts given to {@code begin} durable beside the audio, so that a
 * recording interrupted by a crash can still be stored with its metadata on restart.
 */
public interface CallRecorder {

    /**
     * Prepares the spool entry of a call about to be recorded.
     *
     * @return the file the audio goes into (it must not exist yet)
     * @throws IOException when the spool cannot take it: the call is then not recorded, and the
     *     failure is logged as an error
     */
    Path begin(RecordingFacts facts) throws IOException;

    /**
     * The recording of {@code callId} ended at {@code ended}: {@code audio} is durable on disk, or
     * writing it failed with {@code failure} (then what reached the disk is stored, marked
     * incomplete). Must not block: storing happens elsewhere.
     */
    void end(String callId, Instant ended, RecordedAudio audio, Throwable failure);

    /** Records nothing: {@link #begin} is never called while {@link #enabled()} is false. */
    CallRecorder NONE = new CallRecorder() {
        @Override
        public Path begin(RecordingFacts facts) throws IOException {
            throw new IOException("recording is not configured");
        }

        @Override
        public void end(String callId, Instant ended, RecordedAudio audio, Throwable failure) {
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };

    /** Whether recordings are kept at all; false only for {@link #NONE} (tests, tools). */
    default boolean enabled() {
        return true;
    }
}
