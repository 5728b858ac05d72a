package org.callgate.sip;

import java.time.Clock;

/**
 * Admission of new calls by rate: a token bucket holding one second's worth of calls, refilled
 * continuously from the injected clock. Above the rate a new call is refused at once with 503 and
 * {@code Retry-After} (RFC 3261 §21.5.4), before any port is bound or INVITE sent, so that an
 * overloaded gateway keeps setting up the calls it can take instead of letting every call's set-up
 * slow past SIP's retransmission timer and collapse (docs/benchmarks.md). Thread-safe.
 */
final class SetupRateLimit {

    private final int perSecond;
    private final Clock clock;
    private double tokens;
    private long lastMillis;

    /** @param perSecond calls admitted per second; 0 admits every call */
    SetupRateLimit(int perSecond, Clock clock) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("setup rate must be 0 (no limit) or more: " + perSecond);
        }
        this.perSecond = perSecond;
        this.clock = clock;
        this.tokens = perSecond;
        this.lastMillis = clock.millis();
    }

    /** Takes one call's token; false when the rate is spent for now. */
    synchronized boolean admit() {
        if (perSecond == 0) {
            return true;
        }
        long now = clock.millis();
        if (now > lastMillis) {
            tokens = Math.min(perSecond, tokens + (now - lastMillis) * perSecond / 1000.0);
            lastMillis = now;
        }
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
