package org.callgate.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectExistsException;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;

/**
 * The records whose processing is restricted (R12): kept only because a law keeps them (a banking
 * dossier or recording, R3, R8) or a legal hold does (R19), after their data subject asked for
 * erasure or restriction. A restricted record is used for nothing else: the IVR does not identify
 * a caller by a restricted dossier, and agents' searches do not show it; compliance staff still
 * reach it for the purpose it is kept for.
 *
 * <p>Each mark is its own store object, {@code restrictions/<kind>/<id>.json}, naming the request
 * that placed it; it is kept as long as its record ({@code retainUntil} the record's) and holds no
 * personal data (a dossier number or a call id). The register is loaded at start-up, so a
 * restriction holds across a restart and a rebuild of the index.
 */
public final class Restrictions {

    static final String PREFIX = "restrictions/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingStore store;
    private final Map<String, String> marks = new ConcurrentHashMap<>();

    private Restrictions(RecordingStore store) {
        this.store = store;
    }

    /** The register as the store holds it. */
    public static Restrictions load(RecordingStore store) throws StoreException, IOException {
        Restrictions register = new Restrictions(store);
        for (ObjectKey key : store.list(PREFIX)) {
            try (InputStream in = store.get(key)) {
                JsonNode mark = JSON.readTree(in);
                register.marks.put(
                        mark.path("kind").asText() + ":" + mark.path("id").asText(),
                        mark.path("request").asText());
            }
        }
        return register;
    }

    /**
     * Marks a record restricted by request {@code request}, for as long as the record is kept
     * ({@code retention}: the record's class and retain-until). Marking it again is harmless.
     */
    public void restrict(SubjectRecords.Kind kind, String id, String request, Instant at, Retention retention)
            throws StoreException {
        String mark = kind.word() + ":" + id;
        if (marks.containsKey(mark)) {
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind.word());
        json.put("id", id);
        json.put("request", request);
        json.put("since", at.toString());
        try {
            store.put(
                    key(kind, id),
                    JSON.writeValueAsBytes(json),
                    new ObjectAttributes(
                            "application/json",
                            new Retention(retention.retentionClass(), retention.retainUntil(), LockMode.NONE),
                            false,
                            Map.of("kind", "restriction")));
        } catch (ObjectExistsException already) {
            // placed by an earlier attempt
        } catch (IOException e) {
            throw new IllegalStateException("a mark is always serialisable", e);
        }
        marks.put(mark, request);
    }

    /** Whether the record is restricted. */
    public boolean restricted(SubjectRecords.Kind kind, String id) {
        return marks.containsKey(kind.word() + ":" + id);
    }

    /** The request that restricted the record, if it is. */
    public Optional<String> by(SubjectRecords.Kind kind, String id) {
        return Optional.ofNullable(marks.get(kind.word() + ":" + id));
    }

    /** The dossier numbers that are restricted. */
    public Set<String> dossiers() {
        String prefix = SubjectRecords.Kind.DOSSIER.word() + ":";
        return marks.keySet().stream()
                .filter(m -> m.startsWith(prefix))
                .map(m -> m.substring(prefix.length()))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Forgets a mark whose record is gone (the purge destroyed it). */
    public void lift(SubjectRecords.Kind kind, String id) throws StoreException {
        try {
            store.delete(key(kind, id), false);
        } catch (org.callgate.store.ObjectNotFoundException gone) {
            // lifted before
        }
        marks.remove(kind.word() + ":" + id);
    }

    static ObjectKey key(SubjectRecords.Kind kind, String id) {
        return ObjectKey.of(PREFIX + kind.word() + "/" + id + ".json");
    }
}
