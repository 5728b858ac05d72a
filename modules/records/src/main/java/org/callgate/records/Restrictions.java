package org.callgate.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
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
 * restriction holds across a restart and a rebuild of the index. Every node sharing the store has
 * its own copy in memory; a mark placed or lifted through one node reaches the others' within a
 * second ({@link SharedRegisters}, ADR 0018).
 */
public final class Restrictions {

    static final String PREFIX = "restrictions/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingStore store;
    private final Runnable changed;
    private final Map<String, String> marks = new ConcurrentHashMap<>();
    /** The marks' keys as the last read listed them: one missing from the next was lifted. */
    private Set<ObjectKey> listed = Set.of();

    private Restrictions(RecordingStore store, Runnable changed) {
        this.store = store;
        this.changed = changed;
    }

    /** The register as the store holds it, for one node alone. */
    public static Restrictions load(RecordingStore store) throws StoreException, IOException {
        return load(store, () -> {});
    }

    /**
     * The register as the store holds it. {@code changed} runs after each mark placed or lifted, to
     * tell the other nodes ({@link RegisterChanges}); they {@link #refresh} theirs.
     */
    public static Restrictions load(RecordingStore store, Runnable changed) throws StoreException, IOException {
        Restrictions register = new Restrictions(store, changed);
        register.refresh();
        return register;
    }

    /**
     * Reads the marks placed and lifted since the last read, through any node (ADR 0018): a record
     * restricted elsewhere is left out of searches here from now on. Only new marks are fetched; a
     * mark is forgotten when a listing no longer has what the one before had, so a mark this node
     * has just placed is never forgotten by a listing made before it. Returns whether anything
     * changed.
     */
    synchronized boolean refresh() throws StoreException, IOException {
        Set<ObjectKey> now = new HashSet<>(store.list(PREFIX));
        boolean changes = false;
        for (ObjectKey key : now) {
            if (!listed.contains(key) && !marks.containsKey(mark(key))) {
                try (InputStream in = store.get(key)) {
                    JsonNode mark = JSON.readTree(in);
                    marks.put(
                            mark.path("kind").asText() + ":" + mark.path("id").asText(),
                            mark.path("request").asText());
                    changes = true;
                } catch (org.callgate.store.ObjectNotFoundException liftedMeanwhile) {
                    // listed, then lifted: the next listing says so
                }
            }
        }
        for (ObjectKey key : listed) {
            if (!now.contains(key)) {
                changes |= marks.remove(mark(key)) != null;
            }
        }
        listed = now;
        return changes;
    }

    /** {@code dossier:D2026-000123} for {@code restrictions/dossier/D2026-000123.json}. */
    private static String mark(ObjectKey key) {
        String path = key.value().substring(PREFIX.length());
        int slash = path.indexOf('/');
        String id = path.substring(slash + 1);
        return path.substring(0, Math.max(slash, 0)) + ":"
                + (id.endsWith(".json") ? id.substring(0, id.length() - 5) : id);
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
        changed.run();
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
        changed.run();
    }

    static ObjectKey key(SubjectRecords.Kind kind, String id) {
        return ObjectKey.of(PREFIX + kind.word() + "/" + id + ".json");
    }
}
