package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily CDR files, which hold callers' numbers, go with the call trace's retention (R1). */
class CdrFilesPurgeTest {

    private static final Period TRACE = Period.ofYears(1);

    @TempDir
    Path dir;

    @Test
    void aDaysFileGoesOnceItsLastLineIsAYearOld() throws Exception {
        cdr("cdr-2026-12-04.log");
        cdr("cdr-2026-12-05.log");
        CdrFilesPurge purge = new CdrFilesPurge(dir, TRACE);

        LocalPurge.Outcome outcome = purge.purge(Instant.parse("2027-12-05T00:00:00Z"), false);

        assertThat(outcome.removed()).isEqualTo(1);
        assertThat(outcome.kept()).isEqualTo(1);
        assertThat(dir.toFile().list()).containsExactly("cdr-2026-12-05.log");
    }

    @Test
    void aDaysFileStaysWhileItsLastLineIsStillInsideTheRetention() throws Exception {
        cdr("cdr-2026-12-05.log");

        LocalPurge.Outcome outcome = new CdrFilesPurge(dir, TRACE).purge(Instant.parse("2027-12-05T23:59:59Z"), false);

        assertThat(outcome.removed()).isZero();
        assertThat(dir.resolve("cdr-2026-12-05.log")).exists();
    }

    @Test
    void todaysFileIsNeverDeletedEvenWithoutRetention() throws Exception {
        cdr("cdr-2027-12-05.log");
        cdr("cdr-2027-12-04.log");

        LocalPurge.Outcome outcome =
                new CdrFilesPurge(dir, Period.ZERO).purge(Instant.parse("2027-12-05T12:00:00Z"), false);

        assertThat(outcome.removed()).isEqualTo(1);
        assertThat(dir.toFile().list()).containsExactly("cdr-2027-12-05.log");
    }

    @Test
    void filesWhoseNameHoldsNoDateAreKeptAndNoted() throws Exception {
        cdr("cdr.log");
        cdr("cdr-2020-02-30.log");
        cdr("cdr-2020-01-01.log.gz");
        cdr("cdr-2020-01-01.log");

        LocalPurge.Outcome outcome = new CdrFilesPurge(dir, TRACE).purge(Instant.parse("2027-12-05T00:00:00Z"), false);

        assertThat(outcome.removed()).isEqualTo(1);
        assertThat(outcome.kept()).isEqualTo(3);
        assertThat(outcome.note()).isEqualTo("3 files without a date kept");
        assertThat(dir.toFile().list())
                .containsExactlyInAnyOrder("cdr.log", "cdr-2020-02-30.log", "cdr-2020-01-01.log.gz");
    }

    @Test
    void aDryRunCountsTheDueFilesAndDeletesNone() throws Exception {
        cdr("cdr-2020-01-01.log");
        cdr("cdr-2020-01-02.log");

        LocalPurge.Outcome outcome = new CdrFilesPurge(dir, TRACE).purge(Instant.parse("2027-12-05T00:00:00Z"), true);

        assertThat(outcome.removed()).isEqualTo(2);
        assertThat(dir.toFile().list()).hasSize(2);
    }

    @Test
    void aMissingDirectoryIsNothingToPurge() throws Exception {
        LocalPurge.Outcome outcome =
                new CdrFilesPurge(dir.resolve("var/cdr"), TRACE).purge(Instant.parse("2027-12-05T00:00:00Z"), false);

        assertThat(outcome.removed()).isZero();
        assertThat(outcome.kept()).isZero();
        assertThat(outcome.note()).isEqualTo("no CDR directory");
    }

    private void cdr(String name) throws Exception {
        Files.writeString(
                dir.resolve(name), "2026-12-04T10:00:00.000Z INFO  callgate.cdr [sip-1] [c-1] caller=+32470123456\n");
    }
}
