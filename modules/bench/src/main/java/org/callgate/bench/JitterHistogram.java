package org.callgate.bench;

/**
 * RTP inter-arrival jitter, |gap − 20 ms|, counted in 1 µs buckets up to 100 ms, for the IVR load
 * benchmark's percentiles. Single-threaded: the harness's selector thread is its only writer.
 */
final class JitterHistogram {

    static final int MAX_US = 100_000;

    private final long[] counts = new long[MAX_US + 1];
    private long samples;
    private long maxUs;

    void add(long jitterUs) {
        int us = (int) Math.min(jitterUs, MAX_US);
        counts[us]++;
        samples++;
        maxUs = Math.max(maxUs, us);
    }

    long samples() {
        return samples;
    }

    double maxMillis() {
        return maxUs / 1000.0;
    }

    /** The q-quantile in milliseconds (nearest rank), 0 when empty. */
    double percentileMillis(double q) {
        if (samples == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * samples);
        long seen = 0;
        for (int us = 0; us <= MAX_US; us++) {
            seen += counts[us];
            if (seen >= rank) {
                return us / 1000.0;
            }
        }
        return MAX_US / 1000.0;
    }
}
