package org.callgate.core.media;

import java.util.concurrent.CompletableFuture;

/**
 * A conversation being recorded to a stereo WAV file by {@link MediaSession#record}: the caller
 * in the left channel, the agent in the right (issue of R4: the conversation between caller and
 * agent, from the agent's answer to the hang-up).
 *
 * <p>A recording never fails the call: a write error ends the recording, is logged, and shows in
 * {@link #stop()}'s result, while the call goes on.
 */
public interface CallRecording {

    /**
     * Ends the recording now: what was received so far is written, silence fills the time up to
     * now, the header gets its final sizes and the file is forced to disk. Idempotent.
     *
     * @return completes with the finished file once it is durable; completes exceptionally when
     *     the file could not be written
     */
    CompletableFuture<RecordedAudio> stop();
}
