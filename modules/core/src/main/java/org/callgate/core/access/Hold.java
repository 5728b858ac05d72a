package org.callgate.core.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A legal hold as the web API shows it (R18, R19): what it covers, the case and the reason, who
 * placed it and when, and once released who released it and when.
 *
 * @param id the hold's id, as the register gives it
 * @param scope what {@code value} names
 * @param value a dossier number, a caller's number in E.164, or a call id
 * @param caseId the case (dispute, complaint) it is for
 * @param reason why, in the words of who placed it
 * @param placedBy who placed it
 * @param placedAt when
 * @param releasedBy who released it, {@code null} while it is active
 * @param releasedAt when, {@code null} while it is active
 */
public record Hold(
        String id,
        Scope scope,
        String value,
        String caseId,
        String reason,
        String placedBy,
        Instant placedAt,
        String releasedBy,
        Instant releasedAt) {

    /** What a hold is placed on; the names are the API's ({@code dossier}, {@code caller}, {@code recording}). */
    public enum Scope {
        /** A dossier with its versions, traces and recordings, now and to come. */
        DOSSIER,
        /** A caller's number: every dossier, trace and recording of it, now and to come. */
        CALLER,
        /** One recording, by its call id. */
        RECORDING
    }

    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(placedAt, "placedAt");
    }

    public boolean active() {
        return releasedAt == null;
    }
}
