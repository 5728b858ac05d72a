package org.callgate.core.access;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A check an agent made on a caller (R17): the IBAN the caller said compared with the dossier's,
 * a direct debit mandate confirmed, or the caller's identity verified.
 *
 * @param passed whether the check passed
 * @param by the agent's user name
 * @param at when it was made
 * @param note the agent's note, or empty
 */
public record CallerCheck(Kind kind, boolean passed, String by, Instant at, String note) {

    /** What was checked. */
    public enum Kind {
        IBAN,
        MANDATE,
        IDENTITY;

        /** {@code iban}, as the API and the dossier's notes name it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CallerCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        note = note == null ? "" : note;
    }

    /** {@code 2026-12-05T10:00Z iban check ok by anna}: the line the dossier's notes get. */
    public String notesLine() {
        String minute =
                at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString().replace(":00Z", "Z");
        return minute + " " + kind.label() + " check " + (passed ? "ok" : "failed") + " by " + by
                + (note.isBlank() ? "" : ": " + note.strip());
    }
}
