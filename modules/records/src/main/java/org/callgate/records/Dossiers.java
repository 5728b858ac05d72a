package org.callgate.records;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;

/**
 * The agents' look-up service (R2, R3, R15): find dossiers and calls by any number, name,
 * dossier number, barcode or IBAN; open a dossier with its call history; open, edit and link
 * calls to dossiers. Reads come from the index, except the dossier itself, which is read from the
 * store (the source of truth); writes go through the {@link RecordWriter}, store first.
 *
 * <p>A dossier of the {@code banking} service is a banking dossier, kept 10 years (R3); any
 * other is kept 3 years (R2), counted from its creation. The IVR's caller identification is
 * {@link #identify(PhoneNumber)}: the same index.
 */
public final class Dossiers implements CallIndex {

    /** The service whose dossiers are banking dossiers (R3). */
    public static final String BANKING = "banking";

    private final RecordWriter writer;
    private final RecordIndex index;
    private final StoredRecords stored;
    private final RetentionProfile profile;
    private final Clock clock;
    private final DossierNumbers numbers;
    private final Restrictions restrictions;

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
        this.restrictions = restrictions;
        this.writer = writer;
        this.index = writer.index();
        this.numbers = new DossierNumbers(store);
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

    /** Writes the next version with the edited details; service, creation and retention stay. */
    public Dossier update(String number, DossierDetails details) throws StoreException, IOException {
        details.validate();
        Dossier current = require(number);
        Dossier next = new Dossier(
                number,
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
        writer.write(next);
        index.refresh();
        return next;
    }

    /** Links a call to the dossier (a new version), so it shows in the dossier's history. */
    public Dossier linkCall(String number, String callId) throws StoreException, IOException {
        Dossier current = require(number);
        Dossier next = current.linking(callId, clock.instant());
        if (next != current) {
            writer.write(next);
            index.refresh();
        }
        return next;
    }

    private Dossier require(String number) throws StoreException, IOException {
        return get(number).orElseThrow(() -> new IllegalArgumentException("no dossier " + number));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
