package org.callgate.core.recording;

import java.io.IOException;
import org.callgate.core.media.AudioSink;

/**
 * Where recorded calls go: the spool and, from there, the store (DESIGN §1 steps 6-7). The SIP
 * layer calls {@link #begin} when the agent answers a call whose {@link Recording} says to record
 * it (R4: the conversation, not the IVR), and has the media layer record into the sink it gets.
 * When the conversation is over the media layer ends the sink, and the recording is the
 * recorder's alone from then on: the SIP layer never sees a file.
 *
 * <p>Implementations keep the facts given to {@code begin} durable beside the audio, so that a
 * recording interrupted by a crash can still be stored with its metadata on restart.
 */
public interface CallRecorder {

    /**
     * Prepares the spool entry of a call about to be recorded.
     *
     * @return the sink the conversation's audio goes into
     * @throws IOException when the spool cannot take it: the call is then not recorded, and the
     *     failure is logged as an error
     */
    AudioSink begin(RecordingFacts facts) throws IOException;

    /** Records nothing: {@link #begin} is never called while {@link #enabled()} is false. */
    CallRecorder NONE = new CallRecorder() {
        @Override
        public AudioSink begin(RecordingFacts facts) throws IOException {
            throw new IOException("recording is not configured");
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
