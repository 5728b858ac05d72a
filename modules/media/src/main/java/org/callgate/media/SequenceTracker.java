package org.callgate.media;

/**
 * Counts the RTP packets of one incoming stream that never arrived, from gaps in the sequence
 * numbers (RFC 3550 §6.4.1 "cumulative number of packets lost").
 *
 * <p>Sequence numbers are extended to 64 bits as in RFC 3550 §A.1, so a wrap from 65535 to 0 is
 * just the next packet. A forward jump of fewer than {@value #MAX_DROPOUT} counts the skipped
 * numbers as lost at once. A larger jump is ignored unless the next packet follows it, which is
 * taken as a restart of the sender; a new SSRC also restarts tracking. Either way the loss
 * counted so far is kept, since the counter covers the whole call.
 *
 * <p>Unlike the §A.3 formula (expected minus received), which goes negative when packets are
 * duplicated, this tracker remembers which of the last {@value #WINDOW} numbers arrived: a late
 * packet that was counted as lost is taken off the count, a duplicate changes nothing. A packet
 * later than that window stays counted as lost. The count therefore never goes below zero.
 *
 * <p>Not thread-safe: it lives on its session's event loop.
 */
final class SequenceTracker {

    /** Largest forward gap still taken as loss rather than a jump (RFC 3550 §A.1). */
    static final int MAX_DROPOUT = 3000;
    /** Largest backward step still taken as a late packet rather than a jump (RFC 3550 §A.1). */
    static final int MAX_MISORDER = 100;

    static final int WINDOW = Long.SIZE;
    private static final int SEQ_MOD = 1 << 16;

    private boolean started;
    private long ssrc;
    private long highest;
    /** Bit {@code i} is set when extended sequence number {@code highest - i} has arrived. */
    private long window;

    private int badSeq = -1;
    private long lost;

    /** Records that the packet {@code seq} of source {@code ssrc} arrived. */
    void update(long ssrc, int seq) {
        if (!started || ssrc != this.ssrc) {
            restart(ssrc, seq);
            return;
        }
        int delta = (seq - (int) highest) & (SEQ_MOD - 1);
        if (delta == 0) {
            return;
        }
        if (delta < MAX_DROPOUT) {
            advance(delta);
        } else if (delta <= SEQ_MOD - MAX_MISORDER) {
            jump(ssrc, seq);
        } else {
            late(SEQ_MOD - delta);
        }
    }

    /** Packets of this stream that did not arrive, never negative. */
    long lost() {
        return lost;
    }

    /** The extended highest sequence number received (RFC 3550 §6.4.1). */
    long highest() {
        return highest;
    }

    private void restart(long newSsrc, int seq) {
        started = true;
        ssrc = newSsrc;
        highest = seq;
        // Numbers before the first packet were never expected: mark them as arrived.
        window = -1L;
        badSeq = -1;
    }

    private void advance(int delta) {
        lost += delta - 1;
        highest += delta;
        window = delta >= WINDOW ? 1L : (window << delta) | 1L;
    }

    private void jump(long sameSsrc, int seq) {
        if (seq == badSeq) {
            restart(sameSsrc, seq);
        } else {
            badSeq = (seq + 1) & (SEQ_MOD - 1);
        }
    }

    private void late(int behind) {
        if (behind >= WINDOW) {
            return;
        }
        long bit = 1L << behind;
        if ((window & bit) == 0) {
            window |= bit;
            lost--;
        }
    }
}
