package org.callgate.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies of one measured phase of {@link WebBench}, in nanoseconds, and the percentiles
 * printed from them (nearest rank). Thread-safe: the HTTP client's threads add to it.
 */
final class WebLatencies {

    private long[] nanos;
    private int count;
    private long errors;
    private long withoutHit;

    WebLatencies(int expected) {
        this.nanos = new long[Math.max(16, expected)];
    }

    synchronized void add(long latencyNanos, boolean hit) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
        withoutHit += hit ? 0 : 1;
    }

    synchronized void error() {
        errors++;
    }

    synchronized int count() {
        return count;
    }

    synchronized long errors() {
        return errors;
    }

    /** The q-quantile in milliseconds, 0 when empty. */
    synchronized double millis(double q) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }

    /** {@code prefix_p50_ms=, _p99_ms=} on one line each: a part of a phase (one kind of query). */
    synchronized String brief(String prefix) {
        return String.format(
                Locale.ROOT,
                "%1$s_n=%2$d%n%1$s_p50_ms=%3$.3f%n%1$s_p99_ms=%4$.3f%n",
                prefix,
                count,
                millis(0.5),
                millis(0.99));
    }

    /** {@code prefix_n=, _p50_ms=, _p90_ms=, _p99_ms=, _max_ms=, _errors=, _without_hit=} lines. */
    synchronized String report(String prefix) {
        return String.format(
                Locale.ROOT,
                "%1$s_n=%2$d%n%1$s_p50_ms=%3$.3f%n%1$s_p90_ms=%4$.3f%n%1$s_p99_ms=%5$.3f%n%1$s_max_ms=%6$.3f%n"
                        + "%1$s_errors=%7$d%n%1$s_without_hit=%8$d%n",
                prefix,
                count,
                millis(0.50),
                millis(0.90),
                millis(0.99),
                millis(1.0),
                errors,
                withoutHit);
    }
}
