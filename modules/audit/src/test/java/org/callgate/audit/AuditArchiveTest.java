package org.callgate.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;
import org.callgate.store.RetentionLockedException;
import org.callgate.store.StoreException;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealed segments and chain heads go to the store once, under COMPLIANCE for the longest retention (R11, R8). */
class AuditArchiveTest {

    private static final ObjectKey FIRST_SEGMENT = ObjectKey.of("audit/segments/000001.jsonl");
    private static final ObjectKey FIRST_HEAD = ObjectKey.of("audit/heads/000000000001.json");
    private static final Instant TEN_YEARS_ON = Instant.parse("2036-11-25T10:15:30Z");

    @TempDir
    Path dir;

    @TempDir
    Path storeRoot;

    private final TestClock clock = new TestClock();
    private FileRecordingStore store;
    private AuditLog log;
    private AuditArchive archive;

    @BeforeEach
    void open() throws Exception {
        store = new FileRecordingStore(storeRoot, clock);
        log = AuditLog.open(new AuditLog.Settings(dir, 1 << 20, Duration.ofHours(1)), clock);
        archive = new AuditArchive(log, store, Period.ofYears(10), clock);
    }

    @AfterEach
    void close() throws Exception {
        log.close();
        store.close();
    }

    @Test
    void aSealedSegmentIsStoredUnderComplianceForTenYearsAndNobodyCanDeleteItBefore() throws Exception {
        log.append(AuditActions.PURGE, "purge", Map.of("recording", 3));
        clock.advance(Duration.ofHours(1));

        assertThat(archive.sealAndUpload()).isEqualTo(new AuditArchive.Outcome(1, 1));

        ObjectInfo info = store.head(FIRST_SEGMENT).orElseThrow();
        Instant until = TEN_YEARS_ON.plus(Duration.ofHours(1));
        assertThat(info.retention()).isEqualTo(new Retention("audit", until, LockMode.COMPLIANCE));
        assertThat(read(FIRST_SEGMENT)).isEqualTo(Files.readAllBytes(LogFiles.segment(dir, 1)));
        assertThatThrownBy(() -> store.delete(FIRST_SEGMENT, true)).isInstanceOf(RetentionLockedException.class);
        clock.set(until.minusSeconds(1));
        assertThatThrownBy(() -> store.delete(FIRST_SEGMENT, true)).isInstanceOf(RetentionLockedException.class);
        clock.set(until);
        store.delete(FIRST_SEGMENT, false);
        assertThat(store.head(FIRST_SEGMENT)).isEmpty();
    }

    @Test
    void theHeadNamesTheLastSeqAndHashAndIsLockedToo() throws Exception {
        log.append(AuditActions.PURGE, "purge", Map.of());
        log.append(AuditActions.HOLD_RELEASE, "compliance-1", Map.of("hold", "H-7"));

        assertThat(archive.sealAndUpload()).isEqualTo(new AuditArchive.Outcome(0, 2));

        ObjectKey key = ObjectKey.of("audit/heads/000000000002.json");
        JsonNode head = new ObjectMapper().readTree(read(key));
        assertThat(head.get("seq").asLong()).isEqualTo(2);
        assertThat(head.get("hash").asText()).isEqualTo(log.head().orElseThrow().hash());
        assertThat(head.get("time").asText()).isEqualTo("2026-11-25T10:15:30Z");
        assertThat(store.head(key).orElseThrow().retention().mode()).isEqualTo(LockMode.COMPLIANCE);
        assertThatThrownBy(() -> store.delete(key, true)).isInstanceOf(RetentionLockedException.class);
    }

    @Test
    void aRetryAfterACrashThatFindsTheSameBytesStoredCountsAsDone() throws Exception {
        log.append(AuditActions.PURGE, "purge", Map.of());
        log.seal();
        archive.sealAndUpload();
        clock.advance(Duration.ofMinutes(5));

        AuditArchive afterRestart = new AuditArchive(log, store, Period.ofYears(10), clock);

        assertThat(afterRestart.sealAndUpload()).isEqualTo(new AuditArchive.Outcome(0, 1));
        assertThat(store.list("audit/")).containsExactly(ObjectKey.of("audit/heads/000000000001.json"), FIRST_SEGMENT);
    }

    @Test
    void aSealedSegmentAlteredBeforeARetryIsRefusedNotStoredAgain() throws Exception {
        log.append(AuditActions.PURGE, "purge", Map.of("recording", 3));
        log.seal();
        archive.sealAndUpload();
        LogFiles.editLine(LogFiles.segment(dir, 1), 1, line -> line.replace("\"recording\":3", "\"recording\":1"));

        AuditArchive afterRestart = new AuditArchive(log, store, Period.ofYears(10), clock);

        assertThatThrownBy(afterRestart::sealAndUpload)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("audit/segments/000001.jsonl differs from the local audit log");
    }

    @Test
    void theSchedulerSealsAndStoresWithoutBeingAsked() throws Exception {
        log.append(AuditActions.PURGE, "purge", Map.of());
        clock.advance(Duration.ofHours(2));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().name("audit-archive-test").unstarted(runnable));
        try {
            ScheduledFuture<?> task = AuditScheduler.schedule(archive, executor, Duration.ofMillis(10));
            // the head is stored after the segment: once it is there, the run is complete
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> store.head(FIRST_HEAD).isPresent());
            task.cancel(false);
        } finally {
            executor.shutdown();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(store.head(FIRST_SEGMENT)).isPresent();
        assertThat(store.head(FIRST_HEAD)).isPresent();
    }

    @Test
    void aStoredLogPassesTheVerifierAgainstTheStore() throws Exception {
        log.append(AuditActions.PURGE, "purge", Map.of());
        log.seal();
        log.append(AuditActions.PURGE, "purge", Map.of());
        archive.sealAndUpload();

        AuditVerification verification = AuditVerifier.verify(dir, store);

        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.segments()).isEqualTo(2);
        assertThat(new String(read(FIRST_SEGMENT), UTF_8)).contains("\"seq\":1");
    }

    private byte[] read(ObjectKey key) throws Exception {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }
}
