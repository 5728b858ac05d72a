package org.callgate.core.media;

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

    @Override
    void close();
}
