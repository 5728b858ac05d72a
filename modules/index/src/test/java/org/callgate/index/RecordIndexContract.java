package org.callgate.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.Iban;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.ivr.KnownCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * What every {@link RecordIndex} must do, whatever engine answers (DESIGN §7): the agent's look-ups
 * (phone forms, folded and fuzzy names, barcodes, a masked IBAN, filters and paging), and the
 * queries the purge and legal holds rely on (R1, R2, R3, R7, R8, R19). The Lucene index runs it in
 * this module; every other backend extends it from this module's test-jar.
 */
public abstract class RecordIndexContract {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final RecordRetention THREE_YEARS =
            new RecordRetention("dossier", Instant.parse("2029-11-26T09:00:00Z"), false);

    /** The index each test works on; a test that reopens it replaces it. */
    protected RecordIndex index;

    private String name;

    /**
     * Opens the index called {@code name}: empty the first time a test asks, with what was
     * committed to it when the same test asks again after closing it.
     */
    protected abstract RecordIndex open(String name);

    /** Removes what {@link #open(String)} left of {@code name} once its test is over. */
    protected void drop(String name) {}

    @BeforeEach
    void openAnEmptyIndex(TestInfo test) {
        name = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
        index = open(name);
    }

    @AfterEach
    void closeAndDrop() {
        index.close();
        drop(name);
    }

    protected static Dossier dossier(String number, String name, String firstName, String phone, String iban) {
        return new Dossier(
                number,
                1,
                name,
                firstName,
                List.of(PhoneNumber.parse(phone)),
                iban == null ? null : Iban.parse(iban),
                null,
                null,
                "parcels",
                List.of(),
                T0,
                T0,
                THREE_YEARS);
    }

    protected static CallTrace trace(
            String callId, String caller, Instant time, List<String> barcodes, RecordRetention retention) {
        return new CallTrace(
                callId,
                PhoneNumber.parse(caller),
                "+3222785044",
                "parcels",
                time,
                barcodes,
                "",
                "1",
                false,
                false,
                null,
                retention);
    }

    protected List<String> ids(SearchQuery query) {
        index.refresh();
        return index.search(query).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void everyWrittenFormOfANumberFindsTheSameDossier() {
        index.put(dossier("D2026-000001", "Peeters", "Jan", "02 278 50 44", null));
        index.put(dossier("D2026-000002", "Janssens", "An", "0475 12 34 56", null));

        for (String form : List.of("02 278 50 44", "+32 2 278 50 44", "0032 2 278 50 44", "022785044", "+3222785044")) {
            assertThat(ids(SearchQuery.of(form))).as(form).containsExactly("D2026-000001");
        }
        for (String form : List.of("0475 12 34 56", "+32 475 12 34 56", "0032475123456", "0475/12.34.56")) {
            assertThat(ids(SearchQuery.of(form))).as(form).containsExactly("D2026-000002");
        }
    }

    @Test
    void duboisFindsDuboisWithAnAccentAndDuboisWithATypo() {
        index.put(dossier("D2026-000001", "Dubôis", "Marie", "0475 00 00 01", null));
        index.put(dossier("D2026-000002", "Duboiss", "Luc", "0475 00 00 02", null));
        index.put(dossier("D2026-000003", "Lambert", "Marie", "0475 00 00 03", null));

        assertThat(ids(SearchQuery.of("Dubois"))).containsExactlyInAnyOrder("D2026-000001", "D2026-000002");
        assertThat(ids(SearchQuery.of("dubôis marie"))).containsExactly("D2026-000001");
        assertThat(ids(SearchQuery.of("Lambrt"))).containsExactly("D2026-000003");
    }

    @Test
    void aLongNameWithTwoTyposIsFoundWhenNothingIsWithinOne() {
        index.put(dossier("D2026-000001", "Vermeulen", "Marie", "0475 00 00 01", null));
        index.put(dossier("D2026-000002", "Lambert", "Luc", "0475 00 00 02", null));

        assertThat(ids(SearchQuery.of("Vermuelen"))).as("one typo").containsExactly("D2026-000001");
        assertThat(ids(SearchQuery.of("Varmeulan"))).as("two typos").containsExactly("D2026-000001");
        assertThat(ids(SearchQuery.of("Lmbrat"))).as("three typos: too many").isEmpty();
    }

    @Test
    void whenANameIsWithinOneTypoTheTwoTypoNeighboursStayOut() {
        index.put(dossier("D2026-000001", "Peeters", "Jan", "0475 00 00 01", null));
        index.put(dossier("D2026-000002", "Peters", "An", "0475 00 00 02", null));
        index.put(dossier("D2026-000003", "Pieters", "Luc", "0475 00 00 03", null));
        index.put(dossier("D2026-000004", "Pauters", "Bo", "0475 00 00 04", null));

        List<String> found = ids(SearchQuery.of("Peeters"));

        assertThat(found).first().isEqualTo("D2026-000001");
        assertThat(found)
                .as("Pauters, two typos away, is left out while names within one are found")
                .containsExactlyInAnyOrder("D2026-000001", "D2026-000002", "D2026-000003");
        assertThat(ids(SearchQuery.of("Paulers")))
                .as("...and found when it is the closest")
                .contains("D2026-000004");
    }

    @Test
    void anExactNameRanksAboveATypo() {
        index.put(dossier("D2026-000001", "Duboiss", "Luc", "0475 00 00 02", null));
        index.put(dossier("D2026-000002", "Dubois", "Marie", "0475 00 00 01", null));

        assertThat(ids(SearchQuery.of("Dubois"))).containsExactly("D2026-000002", "D2026-000001");
    }

    @Test
    void aBarcodeFindsItsCallTraceHoweverItIsTyped() {
        RecordRetention year = new RecordRetention("trace", T0.plusSeconds(365 * 86400L), false);
        index.put(trace("call-1", "0475 12 34 56", T0, List.of("CD123456789BE"), year));
        index.put(trace("call-2", "0475 12 34 56", T0, List.of("323299960000012345"), year));

        assertThat(ids(SearchQuery.of("cd 1234 5678 9be"))).containsExactly("call-1");
        assertThat(ids(SearchQuery.of("3232 9996 0000 0123 45"))).containsExactly("call-2");
        SearchHit hit = index.search(SearchQuery.of("CD123456789BE")).hits().getFirst();
        assertThat(hit.kind()).isEqualTo(RecordKind.TRACE);
        assertThat(hit.barcodes()).containsExactly("CD123456789BE");
    }

    @Test
    void anIbanSearchFindsTheDossierButNeverShowsTheFullIban() {
        index.put(dossier("D2026-000001", "Peeters", "Jan", "02 278 50 44", "BE71 0961 2345 6769"));

        index.refresh();
        var page = index.search(SearchQuery.of("be71 0961 2345 6769"));

        assertThat(page.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo("D2026-000001");
            assertThat(hit.maskedIban()).isEqualTo("BE** **** **** 6769");
            assertThat(hit.toString()).doesNotContain("BE71096123456769").doesNotContain("0961");
        });
    }

    @Test
    void deleteByExpiryRemovesExactlyWhatIsPastRetainUntilAndNothingUnderLegalHold() {
        Instant now = Instant.parse("2027-12-01T00:00:00Z");
        RecordRetention expired = new RecordRetention("trace", Instant.parse("2027-11-26T09:00:00Z"), false);
        RecordRetention expiresNow = new RecordRetention("trace", now, false);
        RecordRetention held = new RecordRetention("trace", Instant.parse("2027-11-26T09:00:00Z"), true);
        RecordRetention kept = new RecordRetention("trace", now.plusMillis(1), false);
        index.put(trace("expired", "0475 12 34 56", T0, List.of(), expired));
        index.put(trace("expires-now", "0475 12 34 56", T0, List.of(), expiresNow));
        index.put(trace("held", "0475 12 34 56", T0, List.of(), held));
        index.put(trace("kept", "0475 12 34 56", T0, List.of(), kept));
        index.put(new RecordingRef(
                "rec-expired",
                "recordings/x.wav",
                null,
                "parcels",
                T0,
                1000,
                false,
                null,
                new RecordRetention("recording", Instant.parse("2027-05-26T09:00:00Z"), false)));
        index.put(dossier("D2026-000001", "Peeters", "Jan", "02 278 50 44", null));
        index.refresh();

        assertThat(index.countExpired(now)).isEqualTo(3);
        assertThat(index.deleteExpired(now)).isEqualTo(3);

        assertThat(ids(SearchQuery.all())).containsExactlyInAnyOrder("held", "kept", "D2026-000001");
        assertThat(index.countExpired(now)).isZero();
    }

    @Test
    void serviceAndDateFiltersAndPagingNarrowTheResults() {
        RecordRetention year = new RecordRetention("trace", T0.plusSeconds(365 * 86400L), false);
        for (int i = 0; i < 5; i++) {
            index.put(trace("parcels-" + i, "0475 12 34 56", T0.plusSeconds(i * 3600L), List.of(), year));
        }
        index.put(new CallTrace(
                "banking-0",
                PhoneNumber.parse("0475 12 34 56"),
                "+3222785044",
                "banking",
                T0,
                List.of(),
                "",
                "1",
                false,
                false,
                null,
                year));
        SearchQuery caller = SearchQuery.of("0475 12 34 56");

        assertThat(ids(caller.withService("banking"))).containsExactly("banking-0");
        assertThat(ids(caller.withService("parcels").between(T0.plusSeconds(3600), T0.plusSeconds(3 * 3600))))
                .containsExactly("parcels-2", "parcels-1");
        var page = index.search(caller.withService("parcels").page(2, 2));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.totalExact()).isTrue();
        assertThat(page.hits()).extracting(SearchHit::id).containsExactly("parcels-2", "parcels-1");
    }

    @Test
    void aDossierIsReplacedByItsNextVersionAndIdentifiesItsCaller() {
        Dossier first = dossier("D2026-000001", "Peeters", "Jan", "02 278 50 44", null);
        index.put(first);
        index.put(first.linking("call-9", T0.plusSeconds(60)));
        index.refresh();

        assertThat(index.count(RecordKind.DOSSIER)).isEqualTo(1);
        assertThat(index.dossierVersion("D2026-000001")).contains(2);
        assertThat(index.identify(PhoneNumber.parse("+32 2 278 50 44")))
                .contains(new KnownCaller("D2026-000001", null, null));
        assertThat(index.identify(PhoneNumber.parse("+32 2 278 50 45"))).isEmpty();
        assertThat(ids(SearchQuery.all().withCallId("call-9"))).containsExactly("D2026-000001");
    }

    @Test
    void committedRecordsAreThereAfterReopening() {
        index.put(dossier("D2026-000001", "Peeters", "Jan", "02 278 50 44", null));
        index.commit();
        index.close();

        index = open(name);

        assertThat(ids(SearchQuery.of("peeters"))).containsExactly("D2026-000001");
    }

    @Test
    void writesBecomeVisibleWithoutAnExplicitRefresh() {
        index.put(dossier("D2026-000001", "Peeters", "Jan", "02 278 50 44", null));

        // the index's own refresh thread makes it visible; the bound only stops a broken refresh
        await().atMost(Duration.ofMinutes(1))
                .until(() -> !index.search(SearchQuery.of("peeters")).hits().isEmpty());
        assertThat(index.search(SearchQuery.of("peeters")).hits()).hasSize(1);
    }

    @Test
    void theRecordsOfADossierACallerAndACallAreListedForHoldsAndRequests() {
        RecordRetention year = new RecordRetention("trace", T0.plusSeconds(365 * 86400L), false);
        index.put(dossier("D2026-000001", "Peeters", "Jan", "0475 12 34 56", null));
        index.put(
                new CallTrace(
                        "call-1",
                        PhoneNumber.parse("0475 12 34 56"),
                        "+3222785044",
                        "parcels",
                        T0,
                        List.of(),
                        "",
                        "1",
                        false,
                        false,
                        "D2026-000001",
                        year),
                "traces/2026/batch-1.json");
        index.put(recording("call-1", "0475 12 34 56", "D2026-000001", year));
        index.put(trace("call-2", "0499 99 99 99", T0, List.of(), year));

        assertThat(index.linkedTo("D2026-000001"))
                .extracting(IndexedRecord::kind, IndexedRecord::id)
                .containsExactlyInAnyOrder(
                        tuple(RecordKind.DOSSIER, "D2026-000001"),
                        tuple(RecordKind.TRACE, "call-1"),
                        tuple(RecordKind.RECORDING, "call-1"));
        assertThat(index.ofCaller(PhoneNumber.parse("+32 475 12 34 56"))).hasSize(3);
        assertThat(index.ofCall("call-1"))
                .extracting(IndexedRecord::kind, IndexedRecord::storeKey)
                .containsExactlyInAnyOrder(
                        tuple(RecordKind.TRACE, "traces/2026/batch-1.json"),
                        tuple(RecordKind.RECORDING, "recordings/call-1.wav"));
        assertThat(index.ofCall("call-3")).isEmpty();
    }

    @Test
    void theDueRecordsAreHandedOverWithTheirRetentionAndStoreKey() {
        Instant now = Instant.parse("2027-12-01T00:00:00Z");
        RecordRetention due = new RecordRetention("recording", Instant.parse("2027-06-01T00:00:00Z"), false);
        RecordRetention held = new RecordRetention("recording", Instant.parse("2027-06-01T00:00:00Z"), true);
        for (int i = 0; i < 25; i++) {
            index.put(recording("due-" + i, "0475 12 34 56", null, due));
        }
        index.put(recording("held", "0475 12 34 56", null, held));
        index.put(
                recording("kept", "0475 12 34 56", null, new RecordRetention("recording", now.plusSeconds(1), false)));

        List<IndexedRecord> handed = new ArrayList<>();
        index.forEachDue(now, handed::add);

        assertThat(handed).hasSize(25).allSatisfy(record -> {
            assertThat(record.kind()).isEqualTo(RecordKind.RECORDING);
            assertThat(record.retentionClass()).isEqualTo("recording");
            assertThat(record.retainUntil()).isEqualTo(due.retainUntil());
            assertThat(record.legalHold()).isFalse();
            assertThat(record.storeKey()).isEqualTo("recordings/" + record.id() + ".wav");
        });
        assertThat(index.countExpired(now)).isEqualTo(25);
    }

    @Test
    void removedRecordsAreGoneAndAnEmptiedIndexCountsNothing() {
        RecordRetention year = new RecordRetention("trace", T0.plusSeconds(365 * 86400L), false);
        for (int i = 0; i < 4; i++) {
            index.put(trace("call-" + i, "0475 12 34 56", T0, List.of(), year));
        }
        index.put(dossier("D2026-000001", "Peeters", "Jan", "02 278 50 44", null));

        index.delete(RecordKind.TRACE, "call-0");
        index.delete(RecordKind.TRACE, List.of("call-1", "call-2", "no-such-call"));
        index.delete(RecordKind.RECORDING, "call-3");
        index.expungeDeletes();
        index.refresh();

        assertThat(index.count(RecordKind.TRACE)).isEqualTo(1);
        assertThat(ids(SearchQuery.all())).containsExactlyInAnyOrder("call-3", "D2026-000001");

        index.deleteAll();
        index.refresh();

        assertThat(index.count(RecordKind.TRACE)).isZero();
        assertThat(index.count(RecordKind.DOSSIER)).isZero();
        assertThat(index.dossierVersion("D2026-000001")).isEmpty();
    }

    protected static RecordingRef recording(String callId, String caller, String dossier, RecordRetention retention) {
        return new RecordingRef(
                callId,
                "recordings/" + callId + ".wav",
                PhoneNumber.parse(caller),
                "parcels",
                T0,
                1000,
                false,
                dossier,
                retention);
    }
}
