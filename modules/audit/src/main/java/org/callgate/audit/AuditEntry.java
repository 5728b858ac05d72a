package org.callgate.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of the audit log, as written on its line (R11).
 *
 * @param seq its position in the chain, 1 for the first entry ever written, without gaps
 * @param time when it was appended, from the log's clock
 * @param action what happened ({@link AuditActions})
 * @param actor who did it: a user name, or a component such as {@code purge}
 * @param details what the action concerned, without personal data (ids are hashed, {@link
 *     AuditActions#hashedId(String)})
 * @param prev the lower-case hex SHA-256 of the previous line's exact bytes, or {@link
 *     AuditLines#GENESIS} for the first entry
 * @param hash the lower-case hex SHA-256 of this entry's content, its line without the hash
 */
public record AuditEntry(
        long seq, Instant time, String action, String actor, Map<String, Object> details, String prev, String hash) {

    public AuditEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("an audit entry's seq starts at 1: " + seq);
        }
        Objects.requireNonNull(time, "time");
        requireText(action, "action");
        requireText(actor, "actor");
        details = Collections.unmodifiableMap(new TreeMap<>(details));
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(hash, "hash");
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("an audit entry's " + name + " is not blank");
        }
        return value;
    }
}
