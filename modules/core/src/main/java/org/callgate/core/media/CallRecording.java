package org.callgate.core.media;

import java.util.concurrent.CompletableFuture;

/**
 * A conversation being recorded into an {@link AudioSink} by {@link MediaSession#record}: the
 * caller in the left channel, the agent in the right (R4: the conversation between caller and
 * agent, from the agent's answer to the hang-up).
 *
 * <p>A recording never fails the call: a write error ends the recording, is logged, and shows in
 * {@link #stop()}'s result, while the call goes on.
 */
public interface CallRecording {

    /**
     * Ends the recording now: what was received so far goes to the sink, silence fills the time
     * up to now, and the sink is told the recording ended ({@link AudioSink#end}). Idempotent.
     *
     * @return the sink's answer: completes once the audio is durable; completes exceptionally when
     *     it could not be kept whole
     */
    CompletableFuture<RecordedAudio> stop();
}
