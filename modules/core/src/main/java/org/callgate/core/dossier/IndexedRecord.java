package org.callgate.core.dossier;

import java.time.Instant;
import java.util.Objects;

/**
 * What the index knows of where a record is kept and until when: enough for the purge to destroy
 * it (R1, R2, R3, R7, R8, R14) and for a legal hold to find everything it covers (R19), without the
 * personal data.
 *
 * @param storeKey the store object holding it: a recording's audio, a trace's batch, or null for a
 *     dossier (its versions sit under {@code dossiers/<number>/}) and for a record indexed before
 *     the index kept keys
 */
public record IndexedRecord(
        RecordKind kind, String id, String retentionClass, Instant retainUntil, boolean legalHold, String storeKey) {

    public IndexedRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(retentionClass, "retentionClass");
        Objects.requireNonNull(retainUntil, "retainUntil");
    }
}
