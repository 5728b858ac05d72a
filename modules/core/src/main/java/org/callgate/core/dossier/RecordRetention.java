package org.callgate.core.dossier;

import java.time.Instant;
import java.util.Objects;

/**
 * How long a record is kept: its retention class (R1 trace, R2 dossier, R3 banking dossier, R7/R8
 * recordings), fixed when the record is created, the instant it may be purged, and whether a legal
 * hold suspends that purge (R19). The store enforces it; the index mirrors it to find what is due.
 */
public record RecordRetention(String retentionClass, Instant retainUntil, boolean legalHold) {

    public RecordRetention {
        Objects.requireNonNull(retentionClass, "retentionClass");
        Objects.requireNonNull(retainUntil, "retainUntil");
    }

    /** Due for purge at {@code now}: past retain-until and not held. */
    public boolean expiredAt(Instant now) {
        return !legalHold && !now.isBefore(retainUntil);
    }

    public RecordRetention withLegalHold(boolean hold) {
        return new RecordRetention(retentionClass, retainUntil, hold);
    }
}
