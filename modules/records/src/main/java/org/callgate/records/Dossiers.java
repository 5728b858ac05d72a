package org.callgate.records;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.ivr.CallIndex;
import org.callgate.core.ivr.KnownCaller;
import org.callgate.store.Digests;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;

/**
 * The agents' look-up service (R2, R3, R15): find dossiers and calls by any number, name,
 * dossier number, barcode or IBAN; open a dossier with its call history; open, edit and link
 * calls to dossiers. Reads come from the index, except the dossier itself, which is read from the
 * store (the source of truth); writes go through the {@link RecordWriter}, store first. Nodes that
 * share the store claim each dossier's number ({@link DossierNumbers}) and each later version
 * ({@link DossierVersions}) before writing it, so that no two write the same (ADR 0018).
 *
 * <p>A dossier of the {@code banking} service is a banking dossier, kept 10 years (R3); any
 * other is kept 3 years (R2), counted from its creation. The IVR's caller identification is
 * {@link #identify(PhoneNumber)}: the same index.
 */
public final class Dossiers implements CallIndex {

    /** The service whose dossiers are banking dossiers (R3). */
    public static final String BANKING = "banking";

    /** Attempts at a link or an amendment, each on top of the version another writer stored first. */
    static final int ATTEMPTS = 16;

    /**
     * How long a write that lost a claim waits for the winner's version to be stored: it is stored
     * right after the claim, so this is only reached when the winner stopped in between.
     */
    static final Duration STORED_WITHIN = Duration.ofSeconds(10);

    private final RecordWriter writer;
    private final RecordIndex index;
    private final StoredRecords stored;
    private final RetentionProfile profile;
    private final Clock clock;
    private final DossierNumbers numbers;
    private final DossierVersions versions;
    private final RecordingStore store;
    private final Restrictions restrictions;
    private final Duration storedWithin;

    public Dossiers(RecordWriter writer, RecordingStore store, RetentionProfile profile, Clock clock) {
        this(writer, store, profile, clock, null);
    }

    /**
     * @param restrictions the records whose processing is restricted (R12): not used to identify
     *     a caller, not shown by searches; null for none
     */
    public Dossiers(
            RecordWriter writer,
            RecordingStore store,
            RetentionProfile profile,
            Clock clock,
            Restrictions restrictions) {
        this(writer, store, profile, clock, restrictions, STORED_WITHIN);
    }

    /** @param storedWithin how long a write that lost a claim waits for the winner's version ({@link #STORED_WITHIN}) */
    Dossiers(
            RecordWriter writer,
            RecordingStore store,
            RetentionProfile profile,
            Clock clock,
            Restrictions restrictions,
            Duration storedWithin) {
        this.storedWithin = storedWithin;
        this.restrictions = restrictions;
        this.writer = writer;
        this.index = writer.index();
        this.store = store;
        this.numbers = new DossierNumbers(store);
        this.versions = new DossierVersions(store);
        this.stored = new StoredRecords(store, index);
        this.profile = profile;
        this.clock = clock;
    }

    /**
     * The store object that claims dossier number {@code number} (R2, R3, ADR 0018): the purge
     * destroys it with the dossier's versions; an erasure leaves it, so that the number is never
     * handed out again.
     */
    public static ObjectKey numberClaim(String number) {
        return DossierNumbers.claimKey(number);
    }

    /**
     * Where the claims of dossier {@code number}'s versions 2 and later are ({@code
     * dossier-versions/D2026-000124/}, ADR 0018): the purge destroys them with the dossier's
     * versions, and so does an erasure that destroys the versions.
     */
    public static String versionClaims(String number) {
        return DossierVersions.prefix(number);
    }

    /** What {@code query} finds, without restricted records (R12). */
    public SearchPage search(SearchQuery query) {
        SearchPage page = index.search(query);
        if (restrictions == null) {
            return page;
        }
        List<SearchHit> unrestricted =
                page.hits().stream().filter(hit -> !restricted(hit)).toList();
        return unrestricted.size() == page.hits().size()
                ? page
                : new SearchPage(
                        page.total() - (page.hits().size() - unrestricted.size()),
                        page.totalExact(),
                        page.offset(),
                        unrestricted);
    }

    /** The caller's dossier, unless its processing is restricted (R12): then the caller is not identified. */
    @Override
    public Optional<KnownCaller> identify(PhoneNumber caller) {
        return index.identify(caller).filter(known -> !restrictedDossier(known.dossier()));
    }

    private boolean restricted(SearchHit hit) {
        return switch (hit.kind()) {
            case DOSSIER -> restrictedDossier(hit.id());
            case TRACE -> restrictions.restricted(SubjectRecords.Kind.TRACE, hit.id());
            case RECORDING -> restrictions.restricted(SubjectRecords.Kind.RECORDING, hit.id());
        };
    }

    private boolean restrictedDossier(String number) {
        return restrictions != null && restrictions.restricted(SubjectRecords.Kind.DOSSIER, number);
    }

    /**
     * Makes every write so far visible to searches at once; without it, writes of other threads
     * (a call's trace, a stored recording) show within the index's refresh interval.
     */
    public void refresh() {
        index.refresh();
    }

    /** The dossier's latest version, from the store. */
    public Optional<Dossier> get(String number) throws StoreException, IOException {
        Optional<Integer> version = index.dossierVersion(number);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RecordJson.dossier(stored.read(RecordKeys.dossier(number, version.get()))));
    }

    /**
     * The dossier and its calls, newest first: those linked to it, those the IVR identified with it,
     * and those from one of its numbers (a line without an IVR identifies nobody, R2: "a later call
     * linked to it"), up to {@link SearchQuery#MAX_LIMIT} of each kind.
     */
    public Optional<DossierView> open(String number) throws StoreException, IOException {
        Optional<Dossier> dossier = get(number);
        if (dossier.isEmpty() || restrictedDossier(number)) {
            return Optional.empty();
        }
        Map<String, SearchHit> calls = new LinkedHashMap<>();
        SearchQuery base =
                SearchQuery.all().only(RecordKind.TRACE, RecordKind.RECORDING).page(0, SearchQuery.MAX_LIMIT);
        index.search(base.withDossier(number)).hits().forEach(hit -> calls.put(hit.kind() + hit.id(), hit));
        for (String call : dossier.get().calls()) {
            index.search(base.withCallId(call)).hits().forEach(hit -> calls.put(hit.kind() + hit.id(), hit));
        }
        for (PhoneNumber phone : dossier.get().phones()) {
            index.search(base.withPhone(phone)).hits().forEach(hit -> calls.put(hit.kind() + hit.id(), hit));
        }
        List<SearchHit> history = new ArrayList<>(calls.values());
        history.sort(Comparator.comparing(SearchHit::time).reversed());
        return Optional.of(new DossierView(dossier.get(), history));
    }

    /**
     * Opens a dossier for {@code service}; its number, retention class and retain-until are fixed
     * here. The number is claimed in the store first, so no other node sharing it hands out the
     * same one ({@link DossierNumbers}, ADR 0018).
     */
    public Dossier create(String service, DossierDetails details) throws StoreException, IOException {
        details.validate();
        Instant now = clock.instant();
        String retentionClass = BANKING.equals(service) ? "banking-dossier" : "dossier";
        var retention = profile.retentionFor(retentionClass, now);
        Dossier dossier = new Dossier(
                numbers.claim(now, retention),
                1,
                details.name().strip(),
                details.firstName(),
                details.phoneNumbers(),
                details.parsedIban(),
                blankToNull(details.email()),
                details.notes(),
                service,
                List.of(),
                now,
                now,
                new RecordRetention(retentionClass, retention.retainUntil(), false));
        writer.write(dossier);
        index.refresh();
        return dossier;
    }

    /**
     * Writes the next version with the edited details; service, creation and retention stay. The
     * version is claimed first ({@link DossierVersions}, ADR 0018): when another writer, on this
     * node or another sharing the store, claimed it first, nothing is written and the agent, who
     * edited a version that is no longer the latest, is told to reload: once the winner's version
     * is stored (waiting for it up to {@link #STORED_WITHIN}), this node's index holds it, so the
     * reload shows it.
     *
     * @throws DossierChangedException when another version was written (or is being written) on
     *     top of the one edited
     */
    public Dossier update(String number, DossierDetails details) throws StoreException, IOException {
        details.validate();
        Dossier current = require(number);
        Dossier next = edited(current, details);
        if (!writeNext(next)) {
            Optional<Dossier> newer = afterLost(current, storedWithin);
            if (newer.isPresent()) {
                throw DossierChangedException.storedMeanwhile(
                        number, current.version(), newer.get().version());
            }
            // the claim was abandoned and is released: the version edited is the latest after all
            if (!writeNext(next)) {
                throw DossierChangedException.beingWritten(number, current.version());
            }
        }
        index.refresh();
        return next;
    }

    /**
     * Links a call to the dossier (a new version), so it shows in the dossier's history. When
     * another writer stored a version first, the link is made again on top of that one, read from
     * the store, up to {@value #ATTEMPTS} times: no link is lost to an edit on another node.
     *
     * @throws DossierChangedException when the dossier kept changing for all those attempts, or
     *     the version another writer claimed was not stored within {@link #STORED_WITHIN}
     */
    public Dossier linkCall(String number, String callId) throws StoreException, IOException {
        return rebased(number, current -> current.linking(callId, clock.instant()));
    }

    /**
     * Writes the next version with {@code change} applied to the latest version's details, and
     * applies it again on top of any version another writer stores first (as {@link #linkCall}):
     * for a change that adds to the dossier rather than replacing what an agent saw, such as a
     * caller check's line in the notes (R17). Service, creation and retention stay.
     *
     * @throws DossierChangedException as {@link #linkCall}
     * @throws IllegalArgumentException when there is no such dossier or the changed details are not valid
     */
    public Dossier amend(String number, UnaryOperator<DossierDetails> change) throws StoreException, IOException {
        return rebased(number, current -> {
            DossierDetails details = change.apply(DossierDetails.of(current));
            details.validate();
            return edited(current, details);
        });
    }

    /** The next version of {@code current} with {@code details}. */
    private Dossier edited(Dossier current, DossierDetails details) {
        return new Dossier(
                current.number(),
                current.version() + 1,
                details.name().strip(),
                details.firstName(),
                details.phoneNumbers(),
                details.parsedIban(),
                blankToNull(details.email()),
                details.notes(),
                current.service(),
                current.calls(),
                current.created(),
                clock.instant(),
                current.retention());
    }

    /**
     * Writes {@code change} of the latest version; when another writer claimed that version's
     * successor first, applies the change again on top of the version it stored. A change that
     * returns its argument writes nothing.
     */
    private Dossier rebased(String number, UnaryOperator<Dossier> change) throws StoreException, IOException {
        Dossier current = require(number);
        for (int attempt = 1; ; attempt++) {
            Dossier next = change.apply(current);
            if (next == current) {
                return current;
            }
            if (writeNext(next)) {
                index.refresh();
                return next;
            }
            if (attempt == ATTEMPTS) {
                throw DossierChangedException.keptChanging(number, current.version(), ATTEMPTS);
            }
            current = afterLost(current, storedWithin).orElse(current);
        }
    }

    /**
     * Claims {@code next}'s version and writes it; false, with nothing written, when another writer
     * has the claim, or stored that version before versions were claimed. A write that fails
     * releases the claim, unless the version is stored after all.
     */
    private boolean writeNext(Dossier next) throws StoreException, IOException {
        if (!versions.claim(next, clock.instant())) {
            return false;
        }
        try {
            writer.write(next);
            versions.stored(next.number(), next.version());
            return true;
        } catch (StoreException | IOException | RuntimeException e) {
            if (takenAfterFailure(next, e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * After a failed write of a claimed version: true when another writer's version is under its
     * key (stored before versions were claimed, or after a claim was released); releases the claim
     * when nothing is, so that the dossier can be edited again.
     */
    private boolean takenAfterFailure(Dossier next, Exception failure) {
        ObjectKey key = RecordKeys.dossier(next.number(), next.version());
        try {
            Optional<ObjectInfo> there = store.head(key);
            if (there.isEmpty()) {
                versions.release(next.number(), next.version());
                return false;
            }
            return !there.get().sha256().equals(Digests.sha256Hex(RecordJson.bytes(next)));
        } catch (StoreException | RuntimeException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    /**
     * After losing the claim of {@code current}'s successor: the newest version stored, once it is
     * newer than {@code current}, indexed on this node (whose index may not have seen it: each
     * node's own Lucene index). Looks again, a little longer each time, for up to {@code wait}:
     * the winner stores its version right after its claim. Empty when the claim turned out to be
     * abandoned and is released ({@link DossierVersions#releasedIfAbandoned}): then the successor
     * can be claimed again.
     *
     * @throws DossierChangedException when nothing newer is stored within {@code wait}
     * @throws IllegalArgumentException when the dossier is no longer in the store
     */
    private Optional<Dossier> afterLost(Dossier current, Duration wait) throws StoreException, IOException {
        String number = current.number();
        int successor = current.version() + 1;
        long waitedMillis = 0; // the pauses' sum: the time waited, without reading a clock
        long pauseMillis = 2;
        while (true) {
            List<ObjectKey> versionsStored = store.list(RecordKeys.DOSSIERS + number + "/");
            if (versionsStored.isEmpty()) {
                throw new IllegalArgumentException("no dossier " + number);
            }
            ObjectKey newest = versionsStored.getLast();
            if (RecordKeys.dossierVersion(newest) > current.version()) {
                versions.stored(number, successor);
                writer.indexFromStore(newest);
                index.refresh();
                return Optional.of(RecordJson.dossier(stored.read(newest)));
            }
            if (versions.releasedIfAbandoned(number, successor, clock.instant())) {
                return Optional.empty();
            }
            if (waitedMillis >= wait.toMillis()) {
                throw DossierChangedException.beingWritten(number, current.version());
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(
                        "interrupted while waiting for version " + successor + " of dossier " + number);
            }
            waitedMillis += pauseMillis;
            pauseMillis = Math.min(pauseMillis * 2, 200);
        }
    }

    private Dossier require(String number) throws StoreException, IOException {
        return get(number).orElseThrow(() -> new IllegalArgumentException("no dossier " + number));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
