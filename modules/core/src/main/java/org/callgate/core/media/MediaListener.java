package org.callgate.core.media;

/** Media events the signalling layer acts on. Called on a media thread: do not block. */
@FunctionalInterface
public interface MediaListener {

    /**
     * The caller pressed a key, seen as an RFC 4733 telephone-event on the caller leg. Reported
     * once per key press, however many packets (and retransmitted end packets) carried it.
     */
    default void onDtmf(MediaSession session, char key) {
        // Calls that are only relayed ignore keys.
    }

    /**
     * No RTP or RTCP arrived on either leg of an established session for the configured time: the
     * call is dead (a peer crashed or lost its network) and should be ended with BYE on both legs.
     */
    void onInactive(MediaSession session);
}
