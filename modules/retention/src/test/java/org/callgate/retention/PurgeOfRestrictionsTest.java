package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.callgate.records.LegalHold;
import org.callgate.store.ObjectKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restriction mark (R12) lasts as long as its record: the purge that destroys the banking
 * recording and dossier kept after an erasure (R3, R8: 10 years) destroys their marks too, and a
 * legal hold (R19) keeps both.
 */
class PurgeOfRestrictionsTest {

    private static final Instant ELEVEN_YEARS_ON = Instant.parse("2037-07-01T00:00:00Z");

    @TempDir
    Path dir;

    private SubjectFixture fixture;

    @BeforeEach
    void anErasureKeptTheBankingRecordsRestricted() throws Exception {
        fixture = new SubjectFixture(dir);
        RetentionWorld world = fixture.world;
        new Erasure(
                        world.store,
                        world.index,
                        world.profile,
                        world.holds,
                        fixture.restrictions,
                        fixture.outbox,
                        world.clock)
                .erase("R1", SubjectFixture.subject(), Erasure.Scope.EVERYTHING);
        assertThat(world.store.list("restrictions/")).hasSize(2);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void theMarksGoInTheRunThatPurgesTheirRecords() throws Exception {
        PurgeReport early = fixture.world.purgeAt(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(fixture.world.store.list("restrictions/")).hasSize(2);
        assertThat(early.purged()).doesNotContainKey(DueRestrictions.CLASS);

        PurgeReport report = fixture.world.purgeAt(ELEVEN_YEARS_ON);

        assertThat(report.purged())
                .containsEntry("banking-recording", 1L)
                .containsEntry("banking-dossier", 1L)
                .containsEntry(DueRestrictions.CLASS, 2L);
        assertThat(fixture.world.store.list("restrictions/")).isEmpty();
        assertThat(fixture.world.inStore(fixture.banking)).isFalse();
    }

    @Test
    void aHeldRecordKeepsItsMark() throws Exception {
        fixture.world.held.place(LegalHold.Scope.RECORDING, "call-bank", "CASE-9", "dispute", "compliance-1");

        fixture.world.purgeAt(ELEVEN_YEARS_ON);

        assertThat(fixture.world.inStore(fixture.banking)).isTrue();
        assertThat(fixture.world.store.list("restrictions/"))
                .containsExactly(ObjectKey.of("restrictions/recording/call-bank.json"));
    }
}
