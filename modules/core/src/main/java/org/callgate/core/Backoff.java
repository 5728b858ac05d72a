package org.callgate.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before trying again what a store, an index or a gateway refused for now:
 * {@code first}, then twice as long after each further failure, never more than {@code max}.
 * Doubling spreads retries out while an outage lasts, and the cap bounds how late a recovered
 * peer is noticed. Used by the recording uploader, the call trace writer and the SMS webhook, so
 * all of them back off alike.
 *
 * @param first the wait after the first failure
 * @param max the longest wait
 */
public record Backoff(Duration first, Duration max) {

    /** At most 2^30 times {@code first}: beyond that the cap decides anyway. */
    private static final int MAX_DOUBLINGS = 30;

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** Doubling from {@code first} without a cap that matters: for a bounded number of tries. */
    public static Backoff doubling(Duration first) {
        return new Backoff(first, first.multipliedBy(1L << MAX_DOUBLINGS));
    }

    /**
     * The wait after {@code failures} failures in a row.
     *
     * @param failures 1 for the first failure; 0 or less is taken as 1
     */
    public Duration after(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, MAX_DOUBLINGS);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
