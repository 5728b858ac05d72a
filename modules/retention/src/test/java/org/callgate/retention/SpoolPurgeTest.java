package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.Period;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spool leftovers never outlive the retention of the recording they hold (R4, R7, R8). */
class SpoolPurgeTest {

    private static final Instant ANSWERED = Instant.parse("2027-01-10T10:00:00Z");
    private static final Instant ENDED = Instant.parse("2027-01-10T10:30:00Z");

    @TempDir
    Path spool;

    @Test
    void aRecordingNeverUploadedWithinItsSixMonthsIsRemovedAndReportedAsAnUploadFailure() throws Exception {
        entry("call-1", "recording", ENDED);
        entry("call-2", "banking-recording", ENDED);

        LocalPurge.Outcome outcome = purge().purge(Instant.parse("2027-07-10T10:30:00Z"), false);

        assertThat(outcome.removed()).isEqualTo(1);
        assertThat(outcome.kept()).isEqualTo(1);
        assertThat(outcome.note()).startsWith("1 recordings never uploaded removed at the end of their retention");
        assertThat(spool.toFile().list()).containsExactlyInAnyOrder("call-2.json", "call-2.wav");
    }

    @Test
    void theRetentionRunsFromTheEndOfTheCallSoARecordingIsNeverRemovedEarly() throws Exception {
        entry("call-1", "recording", ENDED);

        LocalPurge.Outcome outcome = purge().purge(Instant.parse("2027-07-10T10:29:59Z"), false);

        assertThat(outcome.removed()).isZero();
        assertThat(spool.resolve("call-1.wav")).exists();
    }

    @Test
    void anEntryJournalIsReadAtItsLastLineSoTheEndAppendedLaterCounts() throws Exception {
        entry("call-1", "recording", null);
        String started = Files.readString(spool.resolve("call-1.json"));
        Files.writeString(
                spool.resolve("call-1.json"),
                started + "\n" + started.replace("\"ended\":null", "\"ended\":\"" + ENDED + "\"") + "\n");

        LocalPurge.Outcome outcome = purge().purge(Instant.parse("2027-07-10T10:29:59Z"), false);

        assertThat(outcome.removed()).isZero();
        assertThat(spool.resolve("call-1.wav")).exists();
    }

    @Test
    void anInterruptedEntryWithoutEndRunsFromItsAnswer() throws Exception {
        entry("call-1", "recording", null);

        LocalPurge.Outcome outcome = purge().purge(Instant.parse("2027-07-10T10:00:00Z"), false);

        assertThat(outcome.removed()).isEqualTo(1);
        assertThat(spool.toFile().list()).isEmpty();
    }

    @Test
    void entriesThatCannotBeReadOrHaveAnUnknownClassAreKeptAndNoted() throws Exception {
        Files.writeString(spool.resolve("call-1.json"), "{\"callId\":\"call-1\",\"answe");
        Files.writeString(spool.resolve("call-2.json"), "{\"callId\":\"call-2\",\"retentionClass\":\"recording\"}");
        entry("call-3", "gone-class", ENDED);

        LocalPurge.Outcome outcome = purge().purge(Instant.parse("2040-01-01T00:00:00Z"), false);

        assertThat(outcome.removed()).isZero();
        assertThat(outcome.kept()).isEqualTo(3);
        assertThat(outcome.note())
                .isEqualTo(
                        "2 entries that cannot be read kept; 1 entries of a retention class the profile does not have kept");
        assertThat(spool.toFile().list()).hasSize(4);
    }

    @Test
    void aWavWithoutEntryGoesOnlyOnceOlderThanTheLongestKeep() throws Exception {
        Instant now = Instant.parse("2040-01-01T00:00:00Z");
        wav("old", Instant.parse("2029-12-31T23:59:59Z"));
        wav("young", Instant.parse("2030-01-01T00:00:01Z"));

        LocalPurge.Outcome outcome = purge().purge(now, false);

        assertThat(outcome.removed()).isEqualTo(1);
        assertThat(outcome.note()).isEqualTo("1 WAV files without entry removed");
        assertThat(spool.toFile().list()).containsExactly("young.wav");
    }

    @Test
    void aTemporaryEntryGoesADayAfterItWasLastWritten() throws Exception {
        Instant now = Instant.parse("2027-01-11T10:00:00Z");
        touch(Files.writeString(spool.resolve("call-1.json.tmp"), "{"), Instant.parse("2027-01-10T10:00:00Z"));
        touch(Files.writeString(spool.resolve("call-2.json.tmp"), "{"), Instant.parse("2027-01-10T10:00:01Z"));

        LocalPurge.Outcome outcome = purge().purge(now, false);

        assertThat(outcome.removed()).isEqualTo(1);
        assertThat(outcome.note()).isEqualTo("1 stale temporary files removed");
        assertThat(spool.toFile().list()).containsExactly("call-2.json.tmp");
    }

    @Test
    void aDryRunCountsEverythingDueAndRemovesNothing() throws Exception {
        entry("call-1", "recording", ENDED);
        wav("orphan", Instant.parse("2010-01-01T00:00:00Z"));
        touch(Files.writeString(spool.resolve("call-9.json.tmp"), "{"), Instant.parse("2010-01-01T00:00:00Z"));

        LocalPurge.Outcome outcome = purge().purge(Instant.parse("2040-01-01T00:00:00Z"), true);

        assertThat(outcome.removed()).isEqualTo(3);
        assertThat(spool.toFile().list()).hasSize(4);
    }

    @Test
    void anEntryTheUploaderRemovesMeanwhileIsSkippedWithoutError() throws Exception {
        entry("call-1", "recording", ENDED);
        // The uploader finishes (deletes both files) while the purge looks at the entry.
        SpoolPurge purge = new SpoolPurge(
                spool,
                retentionClass -> {
                    deleteEntry("call-1");
                    return Period.ofMonths(6);
                },
                Period.ofYears(10));

        LocalPurge.Outcome outcome = purge.purge(Instant.parse("2040-01-01T00:00:00Z"), false);

        assertThat(outcome.kept()).isZero();
        assertThat(spool.toFile().list()).isEmpty();
    }

    private SpoolPurge purge() {
        return SpoolPurge.of(spool, TestProfiles.DEFAULT);
    }

    private void entry(String callId, String retentionClass, Instant ended) throws IOException {
        Files.writeString(
                spool.resolve(callId + ".json"),
                "{\"callId\":\"" + callId + "\",\"caller\":\"+32470123456\","
                        + "\"serviceLine\":\"+3222785044\",\"service\":\"parcels\",\"answered\":\"" + ANSWERED + "\","
                        + "\"reason\":\"sampled\",\"retentionClass\":\"" + retentionClass + "\",\"ended\":"
                        + (ended == null ? "null" : "\"" + ended + "\"")
                        + ",\"frames\":0,\"incomplete\":false,\"dossier\":null}");
        Files.write(spool.resolve(callId + ".wav"), new byte[44]);
    }

    private void wav(String name, Instant modified) throws IOException {
        touch(Files.write(spool.resolve(name + ".wav"), new byte[44]), modified);
    }

    private static void touch(Path file, Instant modified) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private void deleteEntry(String callId) {
        try {
            Files.deleteIfExists(spool.resolve(callId + ".wav"));
            Files.deleteIfExists(spool.resolve(callId + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
