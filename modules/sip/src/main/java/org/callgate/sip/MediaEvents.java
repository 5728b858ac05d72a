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

    /** A key pressed during the IVR (RFC 4733); keys after the IVR belong to the agent and are relayed. */
    @Override
    public void onDtmf(MediaSession session, char key) {
        registry.byId(session.callId()).map(B2buaCall::ivr).ifPresent(ivr -> ivr.digit(key));
    }

    @Override
    public void onInactive(MediaSession session) {
        registry.byId(session.callId()).ifPresent(call -> {
            LOG.info("{}: no media for the configured time, ending the call", call);
            Thread.ofVirtual().name("media-timeout-", 0).start(
                    () -> ender.end(call, EndReason.MEDIA_TIMEOUT, 0, null, null));
        });
    }
}
