package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.ivr.KnownCaller;
import org.callgate.store.LockMode;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DossiersTest {

    @TempDir
    Path dir;

    private RecordsFixture records;
    private Dossiers dossiers;

    @BeforeEach
    void open() throws Exception {
        records = new RecordsFixture(dir);
        dossiers = new Dossiers(
                records.writer, records.store, TestProfiles.DEFAULT, Clock.fixed(RecordsFixture.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() throws Exception {
        records.close();
    }

    private static DossierDetails details(String name, String phone) {
        return new DossierDetails(name, "Marie", List.of(phone), "BE71 0961 2345 6769", "marie@example.be", "");
    }

    @Test
    void aNewDossierGetsTheYearsNextNumberAndItsServicesRetention() throws Exception {
        Dossier parcels = dossiers.create("parcels", details("Dubôis", "0475 12 34 56"));
        Dossier banking = dossiers.create("banking", details("Peeters", "02 278 50 44"));

        assertThat(parcels.number()).isEqualTo("D2026-000001");
        assertThat(banking.number()).isEqualTo("D2026-000002");
        assertThat(parcels.retention().retainUntil()).isEqualTo(Instant.parse("2029-11-26T09:00:00Z"));
        var stored = records.store.head(RecordKeys.dossier(banking.number(), 1)).orElseThrow();
        assertThat(stored.retention().retentionClass()).isEqualTo("banking-dossier");
        assertThat(stored.retention().retainUntil()).isEqualTo(Instant.parse("2036-11-26T09:00:00Z"));
        assertThat(stored.retention().mode()).isEqualTo(LockMode.COMPLIANCE);
    }

    @Test
    void numbersContinueAfterTheHighestInTheStoreAfterARestart() throws Exception {
        dossiers.create("parcels", details("Dubois", "0475 12 34 56"));
        Dossiers restarted = new Dossiers(
                records.writer, records.store, TestProfiles.DEFAULT, Clock.fixed(RecordsFixture.NOW, ZoneOffset.UTC));

        assertThat(restarted.create("parcels", details("Maes", "0475 12 34 57")).number())
                .isEqualTo("D2026-000002");
    }

    @Test
    void anEditIsANewVersionReadBackFromTheStoreAndTheOldNumberNoLongerFindsIt() throws Exception {
        Dossier created = dossiers.create("parcels", details("Dubois", "0475 12 34 56"));

        dossiers.update(
                created.number(),
                new DossierDetails("Dubois", "Marie", List.of("0476 00 00 01"), null, null, "moved to Namur"));

        Dossier read = dossiers.get(created.number()).orElseThrow();
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.notes()).isEqualTo("moved to Namur");
        assertThat(read.iban()).isNull();
        assertThat(read.retention()).isEqualTo(created.retention());
        assertThat(dossiers.search(SearchQuery.of("0475 12 34 56")).hits()).isEmpty();
        assertThat(dossiers.search(SearchQuery.of("0476 00 00 01")).hits())
                .extracting(SearchHit::id)
                .containsExactly(created.number());
    }

    @Test
    void anOpenedDossierShowsItsLinkedAndIdentifiedCallsNewestFirst() throws Exception {
        Dossier created = dossiers.create("parcels", details("Dubois", "0475 12 34 56"));
        RecordRetention year = new RecordRetention("trace", Instant.parse("2027-11-26T09:00:00Z"), false);
        records.writer.write(new CallTrace(
                "identified",
                PhoneNumber.parse("0475 12 34 56"),
                "+3222785044",
                "parcels",
                RecordsFixture.NOW.minusSeconds(60),
                List.of(),
                "",
                "",
                false,
                false,
                created.number(),
                year));
        records.writer.write(new CallTrace(
                "linked-later",
                PhoneNumber.parse("02 278 50 44"),
                "+3222785044",
                "parcels",
                RecordsFixture.NOW.minusSeconds(30),
                List.of("CD123456785BE"),
                "",
                "",
                false,
                false,
                null,
                year));
        records.writer.write(new CallTrace(
                "from-its-number",
                PhoneNumber.parse("+32 475 12 34 56"),
                "+3222785044",
                "parcels",
                RecordsFixture.NOW.minusSeconds(90),
                List.of(),
                "",
                "",
                false,
                false,
                null,
                year));
        records.writer.write(new CallTrace(
                "other",
                PhoneNumber.parse("02 278 50 44"),
                "+3222785044",
                "parcels",
                RecordsFixture.NOW,
                List.of(),
                "",
                "",
                false,
                false,
                null,
                year));

        dossiers.linkCall(created.number(), "linked-later");
        var view = dossiers.open(created.number()).orElseThrow();

        assertThat(view.dossier().calls()).containsExactly("linked-later");
        assertThat(view.history())
                .as("linked, identified by the IVR, and from the dossier's number on a line without IVR")
                .extracting(SearchHit::id)
                .containsExactly("linked-later", "identified", "from-its-number");
        assertThat(view.history()).extracting(SearchHit::kind).containsOnly(RecordKind.TRACE);
    }

    @Test
    void theIvrIdentifiesACallerByAnyFormOfTheirNumber() throws Exception {
        Dossier created = dossiers.create("parcels", details("Dubois", "0475 12 34 56"));

        assertThat(dossiers.identify(PhoneNumber.parse("+32 475 12 34 56")))
                .contains(new KnownCaller(created.number(), null, null));
        assertThat(dossiers.identify(PhoneNumber.parse("+32 475 12 34 99"))).isEmpty();
    }

    @Test
    void badDetailsAreRefusedWithTheValueAndNothingIsWritten() throws Exception {
        assertThatThrownBy(() -> dossiers.create("parcels", details("Dubois", "call me")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("call me");
        assertThatThrownBy(() -> dossiers.create(
                        "parcels", new DossierDetails("Dubois", "", List.of(), "BE72 0961 2345 6769", null, null)))
                .hasMessageContaining("check digits");
        assertThatThrownBy(() -> dossiers.create("parcels", new DossierDetails(" ", "", List.of(), null, null, null)))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> dossiers.linkCall("D2026-999999", "x"))
                .hasMessageContaining("no dossier D2026-999999");

        assertThat(records.store.list("dossiers/")).isEmpty();
    }
}
