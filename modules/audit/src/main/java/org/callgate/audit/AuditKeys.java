package org.callgate.audit;

import java.nio.file.Path;
import java.util.Locale;
import org.callgate.store.ObjectKey;

/**
 * Where the audit log lives in the store: sealed segments under {@code audit/segments/}, chain
 * heads under {@code audit/heads/}, both zero-padded so that the store's ascending key order is
 * the chain's order.
 */
final class AuditKeys {

    static final String SEGMENTS = "audit/segments/";
    static final String HEADS = "audit/heads/";

    private AuditKeys() {}

    /** {@code audit/segments/000001.jsonl} for {@code segment-000001.jsonl}. */
    static ObjectKey segment(Path segment) {
        return segment(Segments.number(segment));
    }

    static ObjectKey segment(long number) {
        return ObjectKey.of(SEGMENTS + String.format(Locale.ROOT, "%06d.jsonl", number));
    }

    /** {@code audit/heads/000000000042.json} for the head at seq 42. */
    static ObjectKey head(long seq) {
        return ObjectKey.of(HEADS + String.format(Locale.ROOT, "%012d.json", seq));
    }

    /** The local file name of a sealed segment's key, or null when the key is not one. */
    static String segmentName(ObjectKey key) {
        String value = key.value();
        if (!value.startsWith(SEGMENTS) || !value.endsWith(".jsonl")) {
            return null;
        }
        String digits = value.substring(SEGMENTS.length(), value.length() - ".jsonl".length());
        return digits.matches("\\d{6,}") ? Segments.name(Long.parseLong(digits)) : null;
    }
}
