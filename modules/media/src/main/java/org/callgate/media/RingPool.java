package org.callgate.media;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The rings {@link StereoRecorder}s keep their last seconds of audio in, handed from an ended
 * recording to the next. A ring is 64 KiB and lives as long as its call, a second or more: long
 * enough to survive young collections and be copied, then promoted, then collected as old garbage.
 * At 500 recorded calls a second that churn filled a 512 MiB heap faster than G1 marked it, and
 * full collections of 170–240 ms stalled call set-up (docs/benchmarks.md). Pooled rings stay in
 * the old generation and are never copied again.
 *
 * <p>Thread-safe: recorders on every event loop take and give. At most {@code capacity} rings are
 * kept; one given beyond that is left to the collector, so an idle gateway holds at most {@code
 * capacity} × 64 KiB.
 */
final class RingPool {

    /** 512 rings, 32 MiB: the calls recording at once at 400 set-ups a second of 1 s calls. */
    static final RingPool SHARED = new RingPool(512);

    private final Queue<short[][]> free;

    RingPool(int capacity) {
        this.free = new ArrayBlockingQueue<>(capacity);
    }

    /** A ring of two silent channels of {@code samples} each: a pooled one when it has that size. */
    short[][] take(int samples) {
        short[][] ring = free.poll();
        return ring != null && ring[0].length == samples
                ? ring
                : new short[][] {new short[samples], new short[samples]};
    }

    /** Gives back a ring its recorder no longer uses; it is silenced first, so no audio passes to the next call. */
    void give(short[][] ring) {
        Arrays.fill(ring[0], (short) 0);
        Arrays.fill(ring[1], (short) 0);
        free.offer(ring);
    }

    /** Rings waiting to be taken. */
    int size() {
        return free.size();
    }
}
