package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.callgate.core.dossier.RecordKind;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RetentionLockedException;
import org.callgate.store.RetentionProfile;
import org.callgate.store.TestProfiles;
import org.callgate.store.s3.RgwServer;
import org.callgate.store.s3.S3BucketSetup;
import org.callgate.store.s3.S3Clients;
import org.callgate.store.s3.S3RecordingStore;
import org.callgate.store.s3.S3Settings;
import org.callgate.store.s3.TestBuckets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * The purge on a real Ceph RGW with Object Lock (R7, R8, REQUIREMENTS "what follows" 3): a
 * COMPLIANCE banking recording cannot be deleted early by anyone, not even by a purge whose own
 * clock says it is due, because the server judges retain-until by its clock; once the server's
 * clock has passed it, the purge destroys the audio, the metadata, every version of both and the
 * index entry, together with a sampled (GOVERNANCE) recording and a trace batch.
 *
 * <p>The server's clock cannot be moved, so the retentions are short instead: every class of the
 * default profile kept one day, with its lock mode, and the records are made with the test's
 * clock one day (less {@link #LEAD}) in the past. Their retain-until then falls {@link #LEAD}
 * after the real now, which the test waits out once.
 */
@ExtendWith(RgwServer.class)
class PurgeOnRgwTest {

    /** Every class of the default profile, with its lock mode and basis, kept one day. */
    private static final RetentionProfile ONE_DAY = new RetentionProfile(
            "one-day",
            TestProfiles.DEFAULT.rules().stream()
                    .map(rule -> new RetentionProfile.Rule(
                            rule.retentionClass(), Period.ofDays(1), rule.from(), rule.mode(), rule.basis()))
                    .toList());

    /**
     * How far after the real now the recordings' retain-until falls: time to record two calls,
     * try a delete and run a purge before the lock expires, with room for a slow machine (they
     * take about a second).
     */
    private static final Duration LEAD = Duration.ofSeconds(8);

    private static final Clock REAL = Clock.systemUTC();
    private static final String CALLER = "+32475123456";

    @TempDir
    Path dir;

    private S3Settings settings;
    private S3Client raw;
    private RetentionWorld world;

    @BeforeEach
    void openTheRecordPathOnAFreshBucket(RgwServer.Endpoint rgw) throws Exception {
        settings = rgw.settings(TestBuckets.unique("purge"));
        new S3BucketSetup(settings).ensureLockedBucket();
        raw = S3Clients.create(settings);
        world = new RetentionWorld(dir, ONE_DAY, REAL.instant(), clock -> new S3RecordingStore(settings));
    }

    @AfterEach
    void close() throws Exception {
        world.close();
        raw.close();
    }

    @Test
    void aBankingRecordingCannotBeDeletedEarlyByAnyoneAndIsPurgedOnceDueWithEveryVersion() throws Exception {
        Instant answered = REAL.instant()
                .truncatedTo(ChronoUnit.SECONDS)
                .minus(Duration.ofDays(1))
                .plus(LEAD);
        world.clock.set(answered);
        ObjectKey banking = world.recording("call-bank", CALLER, "banking", null);
        ObjectKey sampled = world.recording("call-sample", CALLER, "private", null);
        Instant retainUntil =
                world.store.head(banking).orElseThrow().retention().retainUntil();
        assertThat(retainUntil).isEqualTo(answered.plus(Duration.ofDays(1)));
        storeAgain(banking); // an upload retried after a crash leaves a second version
        world.clock.set(answered.plus(Duration.ofMinutes(1))); // the caller calls again a minute later
        world.trace("call-later", CALLER, null);
        ObjectKey batch = PurgeTimeTravelTest.batchOf(world, "call-later");

        assertThatThrownBy(() -> world.store.delete(banking, true))
                .as("refused with the governance bypass (unless the steps above took longer than " + LEAD + ")")
                .isInstanceOf(RetentionLockedException.class);
        PurgeReport early = world.purgeAt(retainUntil.plusSeconds(1));

        assertThat(early.purged()).isEmpty();
        assertThat(early.kept()).containsEntry("locked", 2L);
        assertThat(versionsOf(banking)).isEqualTo(2);
        assertThat(world.inStore(PurgeTimeTravelTest.metadataOf(banking)) && world.inStore(sampled))
                .isTrue();
        assertThat(world.inIndex(RecordKind.RECORDING, "call-bank")).isTrue();
        assertThat(world.inIndex(RecordKind.TRACE, "call-later"))
                .as("not due yet")
                .isTrue();

        waitUntilTheServersClockIsPast(retainUntil);
        PurgeReport due = world.purgeAt(retainUntil.plus(Duration.ofMinutes(2)));

        assertThat(due.purged())
                .containsEntry("banking-recording", 1L)
                .containsEntry("recording", 1L)
                .containsEntry("trace", 1L);
        assertThat(due.kept()).isEmpty();
        for (ObjectKey key : new ObjectKey[] {
            banking, PurgeTimeTravelTest.metadataOf(banking), sampled, PurgeTimeTravelTest.metadataOf(sampled), batch
        }) {
            assertThat(versionsOf(key)).as("versions left of %s", key).isZero();
        }
        assertThat(world.inIndex(RecordKind.RECORDING, "call-bank")).isFalse();
        assertThat(world.inIndex(RecordKind.RECORDING, "call-sample")).isFalse();
        assertThat(world.inIndex(RecordKind.TRACE, "call-later")).isFalse();
    }

    /** Stores the object under its key once more, as the uploader's retry does ({@code putNew}). */
    private void storeAgain(ObjectKey key) throws Exception {
        ObjectInfo info = world.store.head(key).orElseThrow();
        byte[] bytes;
        try (InputStream in = world.store.get(key)) {
            bytes = in.readAllBytes();
        }
        world.store.putNew(
                key, bytes, new ObjectAttributes(info.contentType(), info.retention(), info.legalHold(), info.tags()));
    }

    /** The key's versions and delete markers in the bucket, through the raw SDK client. */
    private int versionsOf(ObjectKey key) {
        int versions = 0;
        for (ListObjectVersionsResponse page :
                raw.listObjectVersionsPaginator(r -> r.bucket(settings.bucket()).prefix(key.value()))) {
            versions += (int) page.versions().stream()
                    .filter(v -> v.key().equals(key.value()))
                    .count();
            versions += (int) page.deleteMarkers().stream()
                    .filter(m -> m.key().equals(key.value()))
                    .count();
        }
        return versions;
    }

    /**
     * The one wait: RGW judges retain-until by its own clock, which a test cannot move. RGW runs
     * on this machine, so its clock is the real one; a second more is the margin for the
     * server's whole-second check.
     */
    private static void waitUntilTheServersClockIsPast(Instant instant) throws InterruptedException {
        Duration wait = Duration.between(REAL.instant(), instant.plusSeconds(1));
        if (!wait.isNegative()) {
            Thread.sleep(wait);
        }
    }
}
