package org.callgate.sip;

import org.callgate.core.call.EndReason;
import org.callgate.core.media.MediaListener;
import org.callgate.core.media.MediaSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends calls whose media stopped: a peer that crashed or lost its network never sends BYE. */
final class MediaEvents implements MediaListener {

    private static final Logger LOG = LoggerFactory.getLogger(MediaEvents.class);

    private final CallRegistry registry;
    private CallEnder ender;

    MediaEvents(CallRegistry registry) {
        this.registry = registry;
    }

    void ender(CallEnder ender) {
        this.ender = ender;
    }

    /**
     * A key pressed (RFC 4733) during the IVR or the post-call survey (R10); keys while the agent
     * is connected belong to the agent, are relayed, and the finished IVR ignores them.
     */
    @Override
    public void onDtmf(MediaSession session, char key) {
        registry.byId(session.callId()).ifPresent(call -> call.dialogues.digit(key));
    }

    @Override
    public void onInactive(MediaSession session) {
        registry.byId(session.callId()).ifPresent(call -> {
            LOG.info("{}: no media for the configured time, ending the call", call);
            Thread.ofVirtual()
                    .name("media-timeout-", 0)
                    .start(() -> ender.end(call, EndReason.MEDIA_TIMEOUT, 0, null, null));
        });
    }
}
