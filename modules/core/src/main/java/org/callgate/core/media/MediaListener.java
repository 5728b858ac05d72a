package org.callgate.core.media;

/** Media events the signalling layer acts on. Called on a media thread: do not block. */
@FunctionalInterface
public interface MediaListener {

    /**
     * No RTP or RTCP arrived on either leg of an established session for the configured time: the
     * call is dead (a peer crashed or lost its network) and should be ended with BYE on both legs.
     */
    void onInactive(MediaSession session);
}
