package org.callgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * What the store holds of the audit log, for the verifier: the sealed segments by number and the
 * latest chain head. Only the latest head is read: it is the furthest the chain is known to have
 * reached, and every earlier entry is covered by it or by a sealed segment.
 */
final class StoredAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Nothing stored: the verifier checks the local chain alone. */
    static final StoredAudit NONE = new StoredAudit(null, Map.of(), Optional.empty());

    /** A chain head as stored: the entry at {@code seq} has {@code hash}. */
    record Head(ObjectKey key, long seq, String hash) {}

    private final RecordingStore store;
    private final Map<Long, ObjectKey> segments;
    private final Optional<Head> latestHead;

    private StoredAudit(RecordingStore store, Map<Long, ObjectKey> segments, Optional<Head> latestHead) {
        this.store = store;
        this.segments = segments;
        this.latestHead = latestHead;
    }

    /** What the store holds of the chain in the single-node layout ({@code audit/segments/}, {@code audit/heads/}). */
    static StoredAudit read(RecordingStore store) throws IOException, StoreException {
        return read(store, AuditKeys.SINGLE);
    }

    /** What the store holds of the chain laid out as {@code keys}. */
    static StoredAudit read(RecordingStore store, AuditKeys keys) throws IOException, StoreException {
        Map<Long, ObjectKey> segments = new TreeMap<>();
        for (ObjectKey key : store.list(keys.segments())) {
            String name = keys.segmentName(key);
            if (name != null) {
                segments.put(Segments.number(Path.of(name)), key);
            }
        }
        List<ObjectKey> heads = store.list(keys.heads());
        Optional<Head> latest = heads.isEmpty() ? Optional.empty() : Optional.of(head(store, heads.getLast()));
        return new StoredAudit(store, segments, latest);
    }

    /** Whether the store holds anything of this chain. */
    boolean isEmpty() {
        return segments.isEmpty() && latestHead.isEmpty();
    }

    /**
     * The same head without the sealed segments to compare with: for a chain read from the store
     * itself, whose copies are the chain.
     */
    StoredAudit headOnly() {
        return new StoredAudit(store, Map.of(), latestHead);
    }

    /** The numbers of the sealed segments in the store. */
    Set<Long> segmentNumbers() {
        return segments.keySet();
    }

    Optional<ObjectKey> segmentKey(long number) {
        return Optional.ofNullable(segments.get(number));
    }

    /** The sealed copy of segment {@code number}, when the store has one. */
    Optional<byte[]> segment(long number) throws IOException, StoreException {
        ObjectKey key = segments.get(number);
        return key == null ? Optional.empty() : Optional.of(bytes(store, key));
    }

    Optional<Head> latestHead() {
        return latestHead;
    }

    private static Head head(RecordingStore store, ObjectKey key) throws IOException, StoreException {
        JsonNode node = JSON.readTree(bytes(store, key));
        JsonNode seq = node == null ? null : node.get("seq");
        JsonNode hash = node == null ? null : node.get("hash");
        if (seq == null || !seq.canConvertToLong() || hash == null || !hash.isTextual()) {
            throw new IOException("the store's chain head " + key + " is not {seq, hash, time}");
        }
        return new Head(key, seq.asLong(), hash.textValue());
    }

    private static byte[] bytes(RecordingStore store, ObjectKey key) throws IOException, StoreException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }
}
