package org.callgate.media;

import java.util.concurrent.atomic.AtomicLongArray;
import org.callgate.core.media.LegCounters;

/**
 * The traffic counters of one leg.
 *
 * <p>There is a single writer, the session's event loop, so an increment is a plain read plus a
 * release store: no lock, no compare-and-set, which keeps the per-packet cost at a few
 * nanoseconds. Readers on other threads get each value with acquire semantics; a snapshot is not
 * atomic across counters (bytes may be one packet ahead of packets), which is fine for
 * statistics.
 */
final class LegStats {

    private enum Counter {
        PACKETS_IN,
        BYTES_IN,
        PACKETS_LOST,
        PACKETS_OUT,
        BYTES_OUT,
        RTCP_IN,
        RTCP_OUT,
        DROPPED
    }

    private final AtomicLongArray values = new AtomicLongArray(Counter.values().length);

    void received(PacketKind kind, int bytes) {
        if (kind == PacketKind.RTP) {
            add(Counter.PACKETS_IN, 1);
            add(Counter.BYTES_IN, bytes);
        } else {
            add(Counter.RTCP_IN, 1);
        }
    }

    void sent(PacketKind kind, int bytes) {
        if (kind == PacketKind.RTP) {
            add(Counter.PACKETS_OUT, 1);
            add(Counter.BYTES_OUT, bytes);
        } else {
            add(Counter.RTCP_OUT, 1);
        }
    }

    void dropped() {
        add(Counter.DROPPED, 1);
    }

    void lost(long total) {
        values.setRelease(Counter.PACKETS_LOST.ordinal(), total);
    }

    LegCounters snapshot() {
        return new LegCounters(
                get(Counter.PACKETS_IN),
                get(Counter.BYTES_IN),
                get(Counter.PACKETS_LOST),
                get(Counter.PACKETS_OUT),
                get(Counter.BYTES_OUT),
                get(Counter.RTCP_IN),
                get(Counter.RTCP_OUT),
                get(Counter.DROPPED));
    }

    private void add(Counter counter, long delta) {
        int i = counter.ordinal();
        values.setRelease(i, values.getPlain(i) + delta);
    }

    private long get(Counter counter) {
        return values.getAcquire(counter.ordinal());
    }
}
