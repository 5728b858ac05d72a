package org.callgate.records;

import java.time.Instant;
import java.util.Objects;

/**
 * One legal hold (R18, R19): what it covers, the case it is for and why, who placed it and when,
 * and, once released, who released it and when. Stored as {@code holds/<id>.json}; a release is
 * its own object, {@code holds/<id>.released.json}, because the store writes every object once.
 *
 * @param scope what {@code value} names: a dossier number, a caller's E.164 number, or a call id
 *     whose recording is held
 */
public record LegalHold(
        String id,
        Scope scope,
        String value,
        String caseId,
        String reason,
        Instant placed,
        String placedBy,
        Instant released,
        String releasedBy) {

    /** What a hold is placed on. */
    public enum Scope {
        /** A dossier: its versions, and the traces and recordings of its calls, now and to come. */
        DOSSIER,
        /** A caller's number: every dossier, trace and recording of that number, now and to come. */
        CALLER,
        /** One recording: its audio and metadata. */
        RECORDING
    }

    public LegalHold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(placed, "placed");
        Objects.requireNonNull(placedBy, "placedBy");
    }

    public boolean active() {
        return released == null;
    }

    LegalHold releasedAt(Instant when, String by) {
        return new LegalHold(id, scope, value, caseId, reason, placed, placedBy, when, by);
    }
}
