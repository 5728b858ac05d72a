package org.callgate.media;

/**
 * Whether a session relays between its legs ({@link org.callgate.core.media.MediaSession#relay}).
 * While the caller is in the IVR it is off: packets are still validated, latched, counted and
 * seen by the receive taps (DTMF), but the relay step consumes them instead of sending them out of
 * the other leg, both ways, RTP and RTCP. Turning it off is not a drop, so nothing is counted.
 *
 * <p>Set from signalling threads, read per packet on the event loop: a volatile read is all the
 * hot path pays.
 */
final class RelaySwitch {

    private volatile boolean on = true;

    void set(boolean on) {
        this.on = on;
    }

    boolean on() {
        return on;
    }
}
