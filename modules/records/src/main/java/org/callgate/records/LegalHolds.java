package org.callgate.records;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.store.Digests;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;

/**
 * The register of legal holds (R19), kept in the store ({@code holds/}) and in memory. A hold
 * suspends every purge of what it covers until it is released explicitly; records that join a
 * held dossier, or come from a held number, while it is on are held from their creation ({@link
 * LegalHoldCheck}). Applying a hold to the records already stored is {@link HeldRecords}' work.
 *
 * <p>A hold's own record is evidence (R18): class {@code evidence}, locked in compliance mode
 * until the evidence retention after its placing, extended from its release when it is released.
 *
 * <p>Every node sharing the store has its own copy in memory, consulted at each write; a hold
 * placed or released through one node reaches the others' within a second ({@link
 * SharedRegisters}, ADR 0018).
 */
public final class LegalHolds implements LegalHoldCheck {

    static final String PREFIX = "holds/";
    private static final String RELEASED = ".released.json";
    /** Written once a hold is on every object it covers; a hold without it is applied again. */
    private static final String APPLIED = ".applied.json";
    /** Written once a release has lifted the store's holds; a release without it is lifted again. */
    private static final String LIFTED = ".lifted.json";

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final RecordingStore store;
    private final RetentionProfile profile;
    private final Clock clock;
    private final Runnable changed;
    private final Map<String, LegalHold> holds = new ConcurrentHashMap<>();
    /** Holds placed or released whose objects a crash may have left half done. */
    private final Set<String> unfinished = ConcurrentHashMap.newKeySet();
    /** The keys of {@code holds/} read so far. */
    private final Set<ObjectKey> read = ConcurrentHashMap.newKeySet();
    /** The applied and lifted markers among them, by name ({@code <id>.applied.json}). */
    private final Set<String> markers = ConcurrentHashMap.newKeySet();

    private LegalHolds(RecordingStore store, RetentionProfile profile, Clock clock, Runnable changed) {
        this.store = store;
        this.profile = profile;
        this.clock = clock;
        this.changed = changed;
    }

    /** The register as the store holds it, for one node alone. */
    public static LegalHolds load(RecordingStore store, RetentionProfile profile, Clock clock)
            throws StoreException, IOException {
        return load(store, profile, clock, () -> {});
    }

    /**
     * The register as the store holds it. {@code changed} runs after each place and release is
     * stored, to tell the other nodes ({@link RegisterChanges}); they {@link #refresh} theirs.
     */
    public static LegalHolds load(RecordingStore store, RetentionProfile profile, Clock clock, Runnable changed)
            throws StoreException, IOException {
        LegalHolds register = new LegalHolds(store, profile, clock, changed);
        register.refresh();
        for (LegalHold hold : register.holds.values()) {
            if (!register.markers.contains(hold.id() + (hold.active() ? APPLIED : LIFTED))) {
                register.unfinished.add(hold.id());
            }
        }
        return register;
    }

    /**
     * Reads the holds placed and released since the last read, through any node (ADR 0018), so a
     * hold placed elsewhere covers the records written here from now on. Only keys not read before
     * are fetched; a release is final, so a hold read again never comes back active. The holds a
     * crash left half applied stay this node's start-up business ({@link #unfinished()}). Returns
     * whether anything was new.
     */
    boolean refresh() throws StoreException, IOException {
        List<ObjectKey> fresh =
                store.list(PREFIX).stream().filter(key -> !read.contains(key)).toList();
        for (ObjectKey key : fresh) {
            String value = key.value();
            if (value.endsWith(APPLIED) || value.endsWith(LIFTED)) {
                markers.add(value.substring(PREFIX.length()));
            } else if (!value.endsWith(RELEASED)) {
                LegalHold hold = HoldJson.hold(read(store, key));
                holds.merge(hold.id(), hold, (had, again) -> had.active() ? again : had);
            }
        }
        for (ObjectKey key : fresh) {
            if (key.value().endsWith(RELEASED)) {
                LegalHold release = HoldJson.hold(read(store, key));
                holds.computeIfPresent(
                        release.id(),
                        (id, hold) -> hold.active() ? hold.releasedAt(release.released(), release.releasedBy()) : hold);
            }
        }
        read.addAll(fresh);
        return !fresh.isEmpty();
    }

    /** Records a new hold; it covers new records at once. Returns it with its id. */
    public LegalHold place(LegalHold.Scope scope, String value, String caseId, String reason, String actor)
            throws StoreException {
        Instant now = clock.instant();
        String normalised =
                scope == LegalHold.Scope.CALLER ? PhoneNumber.parse(value).e164() : value;
        String id = "H" + ID_TIME.format(now) + "-"
                + Digests.sha256Hex((scope + ":" + normalised + ":" + caseId).getBytes(StandardCharsets.UTF_8))
                        .substring(0, 8);
        LegalHold hold = new LegalHold(id, scope, normalised, caseId, reason, now, actor, null, null);
        ObjectKey key = ObjectKey.of(PREFIX + id + ".json");
        store.put(key, HoldJson.bytes(hold), attributes(now));
        read.add(key);
        unfinished.add(id);
        holds.put(id, hold);
        changed.run();
        return hold;
    }

    /**
     * Records the release of an active hold; from now on it covers nothing. Its record is then kept
     * as evidence from the release (R18: 10 years after the end of the dispute).
     */
    public LegalHold release(String id, String actor) throws StoreException {
        LegalHold hold = find(id).filter(LegalHold::active)
                .orElseThrow(() -> new IllegalArgumentException("no active legal hold " + id));
        Instant now = clock.instant();
        LegalHold released = hold.releasedAt(now, actor);
        ObjectKey key = ObjectKey.of(PREFIX + id + RELEASED);
        store.put(key, HoldJson.bytes(released), attributes(now));
        store.setRetention(ObjectKey.of(PREFIX + id + ".json"), evidence(now), false);
        read.add(key);
        unfinished.add(id);
        holds.put(id, released);
        changed.run();
        return released;
    }

    /** Holds whose objects are not known to be all held (placed) or all lifted (released). */
    public List<LegalHold> unfinished() {
        return unfinished.stream().map(holds::get).toList();
    }

    /** Records that every object of the hold is held, or lifted after its release. */
    void finished(LegalHold hold) throws StoreException {
        ObjectKey marker = ObjectKey.of(PREFIX + hold.id() + (hold.active() ? APPLIED : LIFTED));
        if (store.head(marker).isEmpty()) {
            store.put(marker, HoldJson.bytes(hold), attributes(clock.instant()));
        }
        unfinished.remove(hold.id());
    }

    public Optional<LegalHold> find(String id) {
        return Optional.ofNullable(holds.get(id));
    }

    /** Every hold, newest first; with {@code released}, the released ones too. */
    public List<LegalHold> list(boolean released) {
        List<LegalHold> all = new ArrayList<>(holds.values());
        all.removeIf(hold -> !released && !hold.active());
        all.sort(Comparator.comparing(LegalHold::placed).reversed());
        return all;
    }

    @Override
    public boolean covers(Dossier dossier) {
        return !covering(dossier).isEmpty();
    }

    @Override
    public boolean covers(CallTrace trace) {
        return covers(trace.dossier(), trace.caller(), null);
    }

    @Override
    public boolean covers(RecordingRef recording) {
        return covers(recording.dossier(), recording.caller(), recording.callId());
    }

    private boolean covers(String dossier, PhoneNumber caller, String recordingCall) {
        return !covering(dossier, caller, recordingCall).isEmpty();
    }

    /**
     * The active holds that cover a record of dossier {@code dossier}, caller {@code caller} and
     * recording {@code recordingCall} (each may be null): what an erasure names as the reason it
     * kept the record (R19).
     */
    public List<LegalHold> covering(String dossier, PhoneNumber caller, String recordingCall) {
        return active().filter(h -> switch (h.scope()) {
                    case DOSSIER -> h.value().equals(dossier);
                    case CALLER -> caller != null && h.value().equals(caller.e164());
                    case RECORDING -> h.value().equals(recordingCall);
                })
                .toList();
    }

    /** The active holds that cover a dossier: on it, or on one of its numbers. */
    public List<LegalHold> covering(Dossier dossier) {
        return active().filter(h ->
                        h.scope() == LegalHold.Scope.DOSSIER && h.value().equals(dossier.number())
                                || h.scope() == LegalHold.Scope.CALLER
                                        && dossier.phones().stream()
                                                .anyMatch(p -> p.e164().equals(h.value())))
                .toList();
    }

    private java.util.stream.Stream<LegalHold> active() {
        return holds.values().stream().filter(LegalHold::active);
    }

    private ObjectAttributes attributes(Instant now) {
        return new ObjectAttributes("application/json", evidence(now), false, Map.of("kind", "hold"));
    }

    private Retention evidence(Instant from) {
        return profile.retentionFor("evidence", from);
    }

    private static byte[] read(RecordingStore store, ObjectKey key) throws StoreException, IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }
}
