package org.callgate.media;

import org.callgate.core.ivr.Dtmf;

/**
 * Turns the RFC 4733 telephone-event packets of one RTP stream into key presses, each reported
 * exactly once.
 *
 * <p>A sender reports one key press with many packets: an update every 50 ms or so while the key
 * is held, then the end packet (E bit) sent three times (RFC 4733 §2.5.1.4). All of them carry
 * the RTP timestamp of the event's start (§2.5.1.2), which is what identifies the press here:
 *
 * <ul>
 *   <li>a press is reported when its first end packet arrives; the retransmitted end packets and
 *       any late update of the same timestamp change nothing;
 *   <li>when a new timestamp starts before the previous press's end was seen (all its end packets
 *       were lost, §2.5.2.1), the previous press is reported then, before the new one;
 *   <li>a packet carrying the timestamp of the press before the current one is a late
 *       retransmission and is ignored, so reordering never reports a key twice;
 *   <li>events that are not DTMF keys (A-D, flash, tones: {@link Dtmf#ofEvent} gives 0) are
 *       tracked like keys, so they separate presses, but never reported;
 *   <li>a new SSRC is a new stream: a pending press of the old one is reported first.
 * </ul>
 *
 * <p>Pure and allocation-free; not thread-safe: one detector lives on its session's event loop.
 */
final class DtmfDetector {

    /** Told about each key press. */
    @FunctionalInterface
    interface Keys {
        void pressed(char key);
    }

    /** Pause after a press's end after which the same timestamp starts a new press. */
    static final long REPLAY_GAP_MS = 200;

    private final Keys keys;
    private long reportedAt = Long.MIN_VALUE / 2;
    private boolean started;
    private long ssrc;
    private long timestamp;
    private boolean hasPrevious;
    private long previousTimestamp;
    private int event;
    private boolean reported;

    DtmfDetector(Keys keys) {
        this.keys = keys;
    }

    /**
     * One telephone-event packet of the stream {@code ssrc}.
     *
     * @param timestamp the packet's RTP timestamp, the start of its event
     * @param event the RFC 4733 event code
     * @param end whether the E bit is set
     */
    void update(long ssrc, long timestamp, int event, boolean end) {
        update(ssrc, timestamp, event, end, 0);
    }

    /**
     * Like {@link #update(long, long, int, boolean)}, with the packet's arrival time: a press
     * whose packets repeat an ended press's timestamp after a pause of {@link #REPLAY_GAP_MS} is a
     * new press. Conforming senders never do that, but replayed captures (SIPp's DTMF pcaps) and
     * some gateways with a frozen RTP clock do; a key pressed twice must count twice.
     */
    void update(long ssrc, long timestamp, int event, boolean end, long arrivalMillis) {
        if (started && ssrc == this.ssrc) {
            if (timestamp == this.timestamp) {
                if (end && !reported) {
                    report(arrivalMillis);
                    return;
                }
                if (end || !reported || arrivalMillis - reportedAt < REPLAY_GAP_MS) {
                    return;
                }
                reported = false; // the same timestamp again, long after its end: a new press
                this.event = event;
                return;
            }
            if (hasPrevious && timestamp == previousTimestamp) {
                return;
            }
        }
        boolean sameStream = started && ssrc == this.ssrc;
        if (started && !reported) {
            report(arrivalMillis);
        }
        hasPrevious = sameStream;
        previousTimestamp = this.timestamp;
        started = true;
        this.ssrc = ssrc;
        this.timestamp = timestamp;
        this.event = event;
        reported = false;
        if (end) {
            report(arrivalMillis);
        }
    }

    private void report(long arrivalMillis) {
        reported = true;
        reportedAt = arrivalMillis;
        char key = Dtmf.ofEvent(event);
        if (key != 0) {
            keys.pressed(key);
        }
    }
}
