package org.callgate.core.media;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Where a recorded conversation's audio goes (R4): the media layer places both legs on one
 * timeline and hands the result here as it goes, and whoever keeps recordings (the spool, in the
 * {@code recording} module) decides the file, its format and its fate. The media layer knows
 * nothing of files; this is the one hand-off between the two.
 *
 * <p>Audio arrives as frames of {@value #SAMPLE_RATE} Hz, 16-bit little-endian linear PCM, two
 * channels: the caller's leg left, the agent's leg right ({@value #BYTES_PER_FRAME} bytes a
 * frame), in order, each frame once, silence where nobody sent anything. The two legs come
 * interleaved rather than through a sink each, because aligning them needs the RTP timestamps
 * and arrival times only the media layer sees (ADR 0007).
 *
 * <p>Both methods are called on a media thread and must not block: a sink queues the work.
 */
public interface AudioSink {

    /** Frames per second. */
    int SAMPLE_RATE = 8000;

    /** Bytes in one stereo frame: two 16-bit samples. */
    int BYTES_PER_FRAME = 4;

    /**
     * The next frames of the conversation. The array is the sink's from now on.
     *
     * @param frames a whole number of stereo frames
     */
    void write(byte[] frames);

    /**
     * The conversation ended at {@code ended}: no more frames follow. Called once.
     *
     * @param frames the number of frames written in all
     * @param lateSamples samples that arrived after their place had been written and were dropped
     * @return completes once the audio is durable; completes exceptionally when it could not be
     *     kept whole (what could be kept is then kept, marked incomplete)
     */
    CompletableFuture<RecordedAudio> end(Instant ended, long frames, long lateSamples);
}
