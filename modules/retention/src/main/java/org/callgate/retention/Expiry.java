package org.callgate.retention;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/** When a retention of a calendar {@link Period} (months, years) that starts at an instant ends. */
final class Expiry {

    private Expiry() {}

    /**
     * Whether something dated {@code start} and kept {@code keep} is due at {@code now}. The period
     * is added on the UTC calendar ({@code Instant} alone cannot add months or years).
     */
    static boolean due(Instant start, Period keep, Instant now) {
        return !start.atOffset(ZoneOffset.UTC).plus(keep).toInstant().isAfter(now);
    }
}
