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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.callgate.core.ivr.ConsentWithdrawals;
import org.callgate.core.recording.ObjectionList;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.Deadlines;
import org.callgate.core.request.RequestStatus;
import org.callgate.core.request.RequestType;
import org.callgate.core.request.RightsRequest;
import org.callgate.store.Digests;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;

/**
 * The register of data-subject requests (R12, R20, R22), kept in the store and in memory. The
 * store writes every object once, so each step of a request is its own object, {@code
 * requests/<id>/<step number>-<status>.json}, holding the whole request after that step; the
 * register is the last step of each. A request's records have the retention class {@value
 * #CLASS}, from their receipt (docs/requests.md says why), and hold the requester's personal data
 * only for that long.
 *
 * <p>Every node sharing the store has its own copy in memory, consulted at each call (objections,
 * withdrawals); a step taken through one node reaches the others' within a second ({@link
 * SharedRegisters}, ADR 0018).
 */
public final class RightsRequests {

    static final String PREFIX = "requests/";
    /** The retention class of a request's records. */
    public static final String CLASS = "request";

    /** {@code requests/<id>/003-answered.json}: a step, unlike the reports kept beside them. */
    private static final java.util.regex.Pattern STEP =
            java.util.regex.Pattern.compile(PREFIX + "[^/]+/[0-9]{3}-[a-z]+\\.json");

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final RecordingStore store;
    private final RetentionProfile profile;
    private final Clock clock;
    private final Runnable changed;
    private final Map<String, Stored> requests = new ConcurrentHashMap<>();

    /** A request and how many steps of it are stored. */
    private record Stored(RightsRequest request, int steps) {}

    private RightsRequests(RecordingStore store, RetentionProfile profile, Clock clock, Runnable changed) {
        this.store = store;
        this.profile = profile;
        this.clock = clock;
        this.changed = changed;
    }

    /** The register as the store holds it, for one node alone. */
    public static RightsRequests load(RecordingStore store, RetentionProfile profile, Clock clock)
            throws StoreException, IOException {
        return load(store, profile, clock, () -> {});
    }

    /**
     * The register as the store holds it. {@code changed} runs after each step is stored, to tell
     * the other nodes ({@link RegisterChanges}); they {@link #refresh} theirs.
     */
    public static RightsRequests load(RecordingStore store, RetentionProfile profile, Clock clock, Runnable changed)
            throws StoreException, IOException {
        RightsRequests register = new RightsRequests(store, profile, clock, changed);
        register.refresh();
        return register;
    }

    /**
     * Reads the steps taken since the last read, through any node (ADR 0018): an objection opened
     * elsewhere stops sampled recording of its numbers here from the next call (R12). Only the
     * latest step of a request with more steps than known is fetched; a request never goes back to
     * fewer steps. Returns whether anything was new.
     */
    boolean refresh() throws StoreException, IOException {
        Map<String, List<ObjectKey>> steps = new TreeMap<>();
        for (ObjectKey key : store.list(PREFIX)) {
            if (STEP.matcher(key.value()).matches()) { // not a report kept with the request (an erasure's)
                String id = key.value().substring(PREFIX.length(), key.value().lastIndexOf('/'));
                steps.computeIfAbsent(id, k -> new ArrayList<>()).add(key);
            }
        }
        boolean fresh = false;
        for (Map.Entry<String, List<ObjectKey>> request : steps.entrySet()) {
            List<ObjectKey> keys = request.getValue();
            Stored known = requests.get(request.getKey());
            if (known == null || known.steps() < keys.size()) {
                keys.sort(Comparator.comparing(ObjectKey::value)); // step numbers are zero-padded
                Stored read = new Stored(RequestJson.request(read(store, keys.getLast())), keys.size());
                requests.merge(read.request().id(), read, RightsRequests::later);
                fresh = true;
            }
        }
        return fresh;
    }

    /** Records a request received now (or at {@code received}, when it came in by letter earlier). */
    public synchronized RightsRequest open(
            RequestType type, DataSubject subject, Instant received, String via, String by) throws StoreException {
        Instant at = received != null ? received : clock.instant();
        // a random part: two nodes opening a request for the same subject at the same instant (a
        // letter's date) with registers of the same size must not make the same id (ADR 0018)
        String seed = type + ":" + subject + ":" + at + ":" + UUID.randomUUID();
        String id = "R" + ID_TIME.format(at) + "-"
                + Digests.sha256Hex(seed.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        RightsRequest request = RightsRequest.open(id, type, subject, at, via, by);
        write(request, 0);
        return request;
    }

    /** Takes a step of request {@code id} ({@link RightsRequest#verify} and the others) and stores it. */
    public synchronized RightsRequest step(String id, UnaryOperator<RightsRequest> step) throws StoreException {
        Stored stored = requests.get(id);
        if (stored == null) {
            throw new IllegalArgumentException("no request " + id + " (request list shows them)");
        }
        RightsRequest next = step.apply(stored.request());
        write(next, stored.steps());
        return next;
    }

    /**
     * Keeps a report of what was done for request {@code id} beside its steps ({@code
     * requests/<id>/<name>}), with the request's retention: an erasure's record-by-record answer,
     * the proof of what was erased and what was kept and why (R12, R20).
     */
    public ObjectKey keepReport(String id, String name, byte[] json) throws StoreException {
        RightsRequest request = find(id).orElseThrow(() -> new IllegalArgumentException("no request " + id));
        ObjectKey key = ObjectKey.of(PREFIX + id + "/" + name);
        store.put(
                key,
                json,
                new ObjectAttributes(
                        "application/json",
                        profile.retentionFor(CLASS, request.received()),
                        false,
                        Map.of("kind", "request")));
        return key;
    }

    public Optional<RightsRequest> find(String id) {
        return Optional.ofNullable(requests.get(id)).map(Stored::request);
    }

    /** Every request, the soonest due first; with {@code closed}, the answered and refused ones too. */
    public List<RightsRequest> list(boolean closed) {
        return requests.values().stream()
                .map(Stored::request)
                .filter(r -> closed || !r.status().closed())
                .sorted(Comparator.comparing(RightsRequest::due).thenComparing(RightsRequest::id))
                .toList();
    }

    /**
     * The callers who objected to recording (R12, R14), by number: every objection in the register
     * that was not refused, from the moment it is opened, and {@code alsoObjecting} (the
     * configuration's static list). Looked up at each call's recording decision, so a step taken on
     * this register applies from the caller's next call; the register is loaded from the store at
     * start-up, so it applies across a restart. Banking calls are recorded whatever it says (R8).
     */
    public ObjectionList objections(ObjectionList alsoObjecting) {
        return e164 -> alsoObjecting.objects(e164) || asked(RequestType.OBJECTION, e164);
    }

    /**
     * The callers who withdrew their consent to surveys (R10, R12): every withdrawal in the
     * register that was not refused, from its opening on; they are not asked for consent again.
     */
    public ConsentWithdrawals surveyWithdrawals() {
        return e164 -> asked(RequestType.WITHDRAWAL, e164);
    }

    /** Whether a request of {@code type} that was not refused names {@code e164}. */
    private boolean asked(RequestType type, String e164) {
        return requests.values().stream()
                .map(Stored::request)
                .anyMatch(r -> r.type() == type
                        && r.status() != RequestStatus.REFUSED
                        && r.subject().phones().stream().anyMatch(p -> p.e164().equals(e164)));
    }

    /** Open requests past their due date at {@code now}, the longest overdue first. */
    public List<RightsRequest> overdue(Instant now) {
        return list(false).stream().filter(r -> Deadlines.overdue(r, now)).toList();
    }

    /** Open requests due within a week of {@code now}, not yet overdue. */
    public List<RightsRequest> dueSoon(Instant now) {
        return list(false).stream().filter(r -> Deadlines.dueSoon(r, now)).toList();
    }

    private void write(RightsRequest request, int step) throws StoreException {
        String name = String.format(
                Locale.ROOT,
                "%s%s/%03d-%s.json",
                PREFIX,
                request.id(),
                step,
                request.status().word());
        Retention retention = profile.retentionFor(CLASS, request.received());
        store.put(
                ObjectKey.of(name),
                RequestJson.bytes(request),
                new ObjectAttributes("application/json", retention, false, Map.of("kind", "request")));
        requests.merge(request.id(), new Stored(request, step + 1), RightsRequests::later);
        changed.run();
    }

    /** A request only ever gains steps: of two copies, the one with more. */
    private static Stored later(Stored had, Stored again) {
        return had.steps() >= again.steps() ? had : again;
    }

    private static byte[] read(RecordingStore store, ObjectKey key) throws StoreException, IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }
}
