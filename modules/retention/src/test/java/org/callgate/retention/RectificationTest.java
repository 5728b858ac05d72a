package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.DossierCorrection;
import org.callgate.store.ObjectKey;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rectification (R12) writes the corrected dossier version, so that the wrong number is no longer
 * shown or found, and erases the earlier versions that still hold it, unless a law keeps them: a
 * banking dossier's versions stay 10 years (R3), and the answer says so.
 */
class RectificationTest {

    private static final String WRONG = "+32475000001";
    private static final String RIGHT = "+32475123456";

    @TempDir
    Path dir;

    private RetentionWorld world;
    private Rectification rectification;

    @BeforeEach
    void open() throws Exception {
        world = new RetentionWorld(dir, TestProfiles.DEFAULT, SubjectFixture.T);
        rectification = new Rectification(world.dossiers, world.store, world.profile, world.holds, world.clock);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void theCorrectedVersionReplacesTheWrongNumberAndTheEarlierVersionIsErased() throws Exception {
        Dossier dossier = world.dossier("parcels", WRONG);
        world.clock.advance(Duration.ofDays(1));

        ErasureReport report = rectification.rectify("R1", subject(dossier), correction(dossier));

        assertThat(world.dossiers.get(dossier.number()).orElseThrow().phones())
                .containsExactly(PhoneNumber.parse(RIGHT));
        assertThat(found(WRONG)).isZero();
        assertThat(found(RIGHT)).isEqualTo(1);
        assertThat(world.store.list("dossiers/" + dossier.number() + "/"))
                .containsExactly(ObjectKey.of("dossiers/" + dossier.number() + "/v000002.json"));
        assertThat(report.erased())
                .extracting(ErasureReport.Line::id)
                .containsExactly(dossier.number() + "/v000001.json");
    }

    @Test
    void aBankingDossiersEarlierVersionIsKeptByLawButNoLongerFound() throws Exception {
        Dossier dossier = world.dossier("banking", WRONG);

        ErasureReport report = rectification.rectify("R2", subject(dossier), correction(dossier));

        assertThat(found(WRONG)).isZero();
        assertThat(world.store.list("dossiers/" + dossier.number() + "/")).hasSize(2);
        assertThat(report.kept())
                .singleElement()
                .satisfies(line -> assertThat(line.reason())
                        .isEqualTo("kept by law (R3): banking-dossier for 10 years; not shown or searchable"));
    }

    @Test
    void aDossierThatIsNotTheRequestersIsRefusedAndUnchanged() throws Exception {
        Dossier dossier = world.dossier("parcels", WRONG);
        DataSubject someoneElse = new DataSubject(List.of(PhoneNumber.parse("+32478999888")), List.of(), null, null);

        assertThatThrownBy(() -> rectification.rectify("R3", someoneElse, correction(dossier)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the requester's");
        assertThat(world.dossiers.get(dossier.number()).orElseThrow().version()).isEqualTo(1);
    }

    private long found(String phone) {
        world.dossiers.refresh();
        return world.dossiers
                .search(SearchQuery.all().withPhone(PhoneNumber.parse(phone)))
                .hits()
                .size();
    }

    private static DataSubject subject(Dossier dossier) {
        return new DataSubject(List.of(PhoneNumber.parse(RIGHT)), List.of(dossier.number()), null, null);
    }

    private static DossierCorrection correction(Dossier dossier) {
        return new DossierCorrection(dossier.number(), null, null, List.of("0475 12 34 56"), null, null);
    }
}
