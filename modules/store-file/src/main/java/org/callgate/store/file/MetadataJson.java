package org.callgate.store.file;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;

/**
 * The metadata sidecar {@code meta/<key>.json}: everything the store knows of an object besides
 * its bytes, in a form an operator can read and a later version can extend (unknown fields are
 * ignored). The key is written too, so the files alone tell what they describe.
 */
final class MetadataJson {

    /** The sidecar's fields; {@code retainUntil} in ISO-8601 UTC. */
    record Sidecar(
            int format,
            String key,
            String contentType,
            long size,
            String sha256,
            String retentionClass,
            String retainUntil,
            LockMode lockMode,
            boolean legalHold,
            Map<String, String> tags) {}

    static final int FORMAT = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private MetadataJson() {}

    static byte[] write(ObjectInfo info) {
        Retention retention = info.retention();
        Sidecar sidecar = new Sidecar(
                FORMAT,
                info.key().value(),
                info.contentType(),
                info.size(),
                info.sha256(),
                retention.retentionClass(),
                retention.retainUntil().toString(),
                retention.mode(),
                info.legalHold(),
                info.tags());
        try {
            return JSON.writeValueAsBytes(sidecar);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the metadata of " + info.key() + " as JSON", e);
        }
    }

    /**
     * The object described by {@code json}, found under {@code key}.
     *
     * @throws IllegalArgumentException when it is not a complete sidecar
     */
    static ObjectInfo read(ObjectKey key, byte[] json) {
        try {
            Sidecar s = JSON.readValue(json, Sidecar.class);
            Retention retention = new Retention(s.retentionClass(), Instant.parse(s.retainUntil()), s.lockMode());
            Map<String, String> tags = s.tags() == null ? Map.of() : s.tags();
            return new ObjectInfo(key, s.size(), s.sha256(), s.contentType(), retention, s.legalHold(), tags);
        } catch (IOException | RuntimeException e) { // unreadable JSON, a missing field, a bad instant
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
