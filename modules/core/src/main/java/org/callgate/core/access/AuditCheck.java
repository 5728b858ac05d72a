package org.callgate.core.access;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of the audit log's hash chain (R11), as last verified.
 *
 * @param state intact, broken, or unverified (the check could not run)
 * @param entries the entries verified before the first break (all of them when intact)
 * @param checkedAt when the check ran, {@code null} when it never ran
 * @param message for a person: the totals, the first broken entry, or why it could not run
 */
public record AuditCheck(State state, long entries, Instant checkedAt, String message) {

    /** The outcome of a verification; the API names them in lower case. */
    public enum State {
        /** Every entry's hash and link checked, and the sealed copies in the store match. */
        INTACT,
        /** An entry was edited, removed, moved, or the chain was cut: {@code message} names where. */
        BROKEN,
        /** The check could not run (the log or the store could not be read). */
        UNVERIFIED
    }

    public AuditCheck {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }
}
