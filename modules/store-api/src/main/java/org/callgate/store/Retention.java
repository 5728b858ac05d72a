package org.callgate.store;

import java.time.Instant;
import java.util.Objects;

/**
 * How long an object must be kept, and why.
 *
 * @param retentionClass the retention class from the retention profile ({@code recording},
 *     {@code banking-recording}, ...), stored as the tag {@code retention-class}
 * @param retainUntil the instant before which the object must not be deleted, and after which
 *     the purge job destroys it (R7: at most 6 months)
 * @param mode how the store enforces {@code retainUntil}
 */
public record Retention(String retentionClass, Instant retainUntil, LockMode mode) {

    public Retention {
        Objects.requireNonNull(retentionClass, "retentionClass");
        Objects.requireNonNull(retainUntil, "retainUntil");
        Objects.requireNonNull(mode, "mode");
        if (retentionClass.isBlank()) {
            throw new IllegalArgumentException("a retention class is not blank");
        }
    }

    /** Whether this retention still forbids deleting at {@code now}, given the bypass. */
    public boolean locks(Instant now, boolean bypassGovernance) {
        if (mode == LockMode.NONE || !now.isBefore(retainUntil)) {
            return false;
        }
        return mode == LockMode.COMPLIANCE || !bypassGovernance;
    }

    /** Why replacing this retention by {@code next} is not allowed, or null when it is. */
    public String refusalToChangeTo(Retention next, boolean bypassGovernance) {
        boolean weaker = next.retainUntil.isBefore(retainUntil) || next.mode != mode;
        if (!weaker) {
            return null;
        }
        if (mode == LockMode.COMPLIANCE) {
            return "a COMPLIANCE retention until " + retainUntil + " can only be extended";
        }
        if (mode == LockMode.GOVERNANCE && !bypassGovernance) {
            return "shortening or changing a GOVERNANCE retention needs the governance bypass";
        }
        return null;
    }
}
