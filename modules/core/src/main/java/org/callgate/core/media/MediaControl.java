package org.callgate.core.media;

/**
 * Anchors the media of calls: the signalling layer asks for a {@link MediaSession} per call and
 * writes the session's addresses into the SDP it sends, so that all RTP and RTCP of the call
 * flows through callgate. That is what lets callgate play prompts, detect DTMF and record the
 * conversation (R4) without trusting either endpoint.
 *
 * <p>Implementations must be thread-safe; sessions may be opened and closed from any thread.
 */
public interface MediaControl {

    /**
     * Opens a session with one RTP/RTCP port pair per leg.
     *
     * @param callId the call's identifier, for logs and counters
     * @param listener told about media events of this session
     * @throws MediaUnavailableException when no port pair is free or a socket cannot be bound;
     *     the caller maps this to {@code 503 Service Unavailable}
     */
    MediaSession open(String callId, MediaListener listener) throws MediaUnavailableException;

    /** Number of sessions currently open. */
    int openSessions();

    /** Number of RTP port pairs still free for new legs. */
    int freePortPairs();
}
