package org.callgate.store;

import java.util.Map;
import java.util.Objects;

/**
 * What a store knows of one object.
 *
 * @param key its key
 * @param size its length in bytes
 * @param sha256 the lower-case hex SHA-256 of its bytes, computed by the store when it was put
 * @param contentType its media type
 * @param retention its current retention
 * @param legalHold whether it is under legal hold
 * @param tags its tags, without the two the store derives from the retention
 */
public record ObjectInfo(
        ObjectKey key,
        long size,
        String sha256,
        String contentType,
        Retention retention,
        boolean legalHold,
        Map<String, String> tags) {

    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(retention, "retention");
        tags = Map.copyOf(tags);
    }
}
