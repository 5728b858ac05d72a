package org.callgate.core.access;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One audit log entry as the web API shows it (R11). The details hold no personal data: ids are
 * hashed as the log stores them.
 *
 * @param sequence its place in the chain, from 1
 * @param time when it was appended
 * @param action what happened ({@code hold.place}, {@code recording.read}, {@code purge}, ...)
 * @param actor who did it
 * @param details JSON values: strings, numbers, booleans, lists, maps and nulls
 * @param hash the entry's SHA-256, lower-case hex
 */
public record AuditRecord(
        long sequence, Instant time, String action, String actor, Map<String, Object> details, String hash) {

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
