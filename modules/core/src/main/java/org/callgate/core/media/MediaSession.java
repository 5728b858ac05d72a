package org.callgate.core.media;

import java.time.Instant;
import java.util.List;

/**
 * The media of one call: a leg facing the caller and a leg facing the agent. RTP received on one
 * leg is relayed out of the other.
 *
 * <p>{@link #close()} returns both port pairs and is idempotent, so every path that ends a call
 * may call it.
 */
public interface MediaSession extends AutoCloseable {

    String callId();

    /** The leg whose local address goes into the SDP sent to the caller (A-leg). */
    MediaLeg caller();

    /** The leg whose local address goes into the SDP sent to the agent queue (B-leg). */
    MediaLeg agent();

    default MediaLeg leg(LegSide side) {
        return side == LegSide.CALLER ? caller() : agent();
    }

    /**
     * Starts the inactivity watch: from now on, a session that receives no RTP or RTCP on either
     * leg for the configured time is reported through {@link MediaListener#onInactive}. Called when
     * the call is answered, since no media is expected while it rings.
     */
    void established();

    /**
     * Turns the relay between the legs on or off. A session starts relaying; while the caller is
     * in callgate's IVR the relay is off, so the caller hears only prompts and nothing reaches the
     * agent leg, and it is turned on when the agent answers.
     */
    void relay(boolean on);

    /**
     * Plays clips one after another to the caller, from the caller leg's port, as RTP in the
     * caller leg's codec paced at 20 ms per packet (RFC 3551 §4.5), with callgate's own SSRC.
     * A playback already running is stopped first.
     *
     * @param listener told when the last clip has been sent, or when stopped
     */
    Playback play(List<Audio> clips, Playback.Listener listener);

    /**
     * Starts recording the conversation into {@code sink}: G.711 audio received from the caller
     * goes to the left channel and from the agent to the right, placed by arrival time and RTP
     * timestamp so both stay aligned within 20 ms, with silence where nothing was received (gaps,
     * hold). The sink gets the audio as the call goes on, so a crash leaves what was recorded so
     * far. At most one recording per session: a second call returns the first.
     *
     * @param start the instant the first frame stands for (the agent's answer); audio received
     *     before this method is called is not captured, so the recording starts with silence up
     *     to then, and its length is the conversation's from {@code start}
     */
    CallRecording record(AudioSink sink, Instant start);

    @Override
    void close();
}
