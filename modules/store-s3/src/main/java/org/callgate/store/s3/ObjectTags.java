package org.callgate.store.s3;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callgate.store.Retention;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * An object's S3 tags: the caller's ({@code service}, ...) plus {@code retention-class} and
 * {@code retain-until} derived from its retention, so lifecycle rules and an operator browsing
 * the bucket see why and how long each object is kept (requirements, "what follows" 2).
 */
final class ObjectTags {

    static final String RETENTION_CLASS = "retention-class";
    static final String RETAIN_UNTIL = "retain-until";

    /** The tags read back: the two derived ones, when present, and the caller's. */
    record Read(Optional<String> retentionClass, Optional<Instant> retainUntil, Map<String, String> others) {}

    private ObjectTags() {}

    static Tagging tagging(Retention retention, Map<String, String> tags) {
        List<Tag> tagSet = new ArrayList<>();
        tagSet.add(tag(RETENTION_CLASS, retention.retentionClass()));
        tagSet.add(tag(RETAIN_UNTIL, DateTimeFormatter.ISO_INSTANT.format(retention.retainUntil())));
        tags.forEach((key, value) -> tagSet.add(tag(key, value)));
        return Tagging.builder().tagSet(tagSet).build();
    }

    static Read read(List<Tag> tagSet) {
        Map<String, String> others = new HashMap<>();
        String retentionClass = null;
        Instant retainUntil = null;
        for (Tag tag : tagSet) {
            switch (tag.key()) {
                case RETENTION_CLASS -> retentionClass = tag.value();
                case RETAIN_UNTIL -> retainUntil = instant(tag.value());
                default -> others.put(tag.key(), tag.value());
            }
        }
        return new Read(Optional.ofNullable(retentionClass), Optional.ofNullable(retainUntil), others);
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
