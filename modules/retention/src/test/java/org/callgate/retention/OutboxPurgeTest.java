package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMS outbox keeps a message's number no longer than the call trace (R1, R9). */
class OutboxPurgeTest {

    private static final Period TRACE = Period.ofYears(1);
    private static final Instant NOW = Instant.parse("2027-12-05T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aMessageOneYearOldIsRemovedAndAYoungerOneKeptByteForByte() throws Exception {
        String old = line("sms-1", "2026-12-05T09:00:00Z");
        String young =
                "{\"id\":\"sms-2\",\"to\":\"+32470123456\",\"text\":\"é \\u2028\",\"createdAt\":\"2026-12-05T09:00:01Z\"}\n";
        Path outbox = outbox(old + young);

        LocalPurge.Outcome outcome = new OutboxPurge(outbox, TRACE).purge(NOW, false);

        assertThat(outcome.removed()).isEqualTo(1);
        assertThat(outcome.kept()).isEqualTo(1);
        assertThat(outcome.note()).isEmpty();
        assertThat(Files.readString(outbox)).isEqualTo(young);
    }

    @Test
    void theKeptLinesStayInTheirOrderWithTheRemovedOnesTakenFromBetweenThem() throws Exception {
        Path outbox = outbox(line("a", "2027-01-01T00:00:00Z")
                + line("b", "2026-01-01T00:00:00Z")
                + line("c", "2027-02-01T00:00:00Z")
                + line("d", "2025-06-01T00:00:00Z")
                + line("e", "2027-03-01T00:00:00Z"));

        new OutboxPurge(outbox, TRACE).purge(NOW, false);

        assertThat(Files.readString(outbox))
                .isEqualTo(line("a", "2027-01-01T00:00:00Z")
                        + line("c", "2027-02-01T00:00:00Z")
                        + line("e", "2027-03-01T00:00:00Z"));
    }

    @Test
    void linesWithoutADateAreKeptCountedAndNoted() throws Exception {
        String cutShort = "{\"id\":\"sms-9\",\"to\":\"+3247";
        String noDate = "{\"id\":\"sms-8\",\"to\":\"+32470123456\"}\n";
        String badDate = "{\"id\":\"sms-7\",\"createdAt\":\"yesterday\"}\n";
        Path outbox = outbox(line("sms-1", "2020-01-01T00:00:00Z") + noDate + badDate + cutShort);

        LocalPurge.Outcome outcome = new OutboxPurge(outbox, TRACE).purge(NOW, false);

        assertThat(outcome.removed()).isEqualTo(1);
        assertThat(outcome.kept()).isEqualTo(3);
        assertThat(outcome.note()).isEqualTo("3 lines without a date kept");
        assertThat(Files.readString(outbox)).isEqualTo(noDate + badDate + cutShort);
    }

    @Test
    void aDryRunCountsWhatIsDueAndChangesNothing() throws Exception {
        String content = line("sms-1", "2020-01-01T00:00:00Z") + line("sms-2", "2027-12-01T00:00:00Z");
        Path outbox = outbox(content);

        LocalPurge.Outcome outcome = new OutboxPurge(outbox, TRACE).purge(NOW, true);

        assertThat(outcome.removed()).isEqualTo(1);
        assertThat(outcome.kept()).isEqualTo(1);
        assertThat(Files.readString(outbox)).isEqualTo(content);
    }

    @Test
    void theRetentionEndsExactlyAtTheCalendarYearAfterTheMessage() throws Exception {
        Path outbox = outbox(line("due", "2026-12-05T09:00:00Z") + line("not-yet", "2026-12-05T09:00:00.001Z"));

        LocalPurge.Outcome outcome = new OutboxPurge(outbox, TRACE).purge(NOW, false);

        assertThat(outcome.removed()).isEqualTo(1);
        assertThat(Files.readString(outbox)).contains("not-yet").doesNotContain("\"due\"");
    }

    @Test
    void aMissingOutboxIsNothingToPurge() throws Exception {
        LocalPurge.Outcome outcome = new OutboxPurge(dir.resolve("var/sms-outbox.jsonl"), TRACE).purge(NOW, false);

        assertThat(outcome)
                .isEqualTo(
                        new LocalPurge.Outcome("sms outbox " + dir.resolve("var/sms-outbox.jsonl"), 0, 0, "no outbox"));
    }

    @Test
    void theRewrittenOutboxStaysReadableByItsOwnerOnlyAndLeavesNoTemporaryFile() throws Exception {
        Path outbox = outbox(line("sms-1", "2020-01-01T00:00:00Z") + line("sms-2", "2027-12-01T00:00:00Z"));

        new OutboxPurge(outbox, TRACE).purge(NOW, false);

        assertThat(Files.getPosixFilePermissions(outbox)).hasToString("[OWNER_READ, OWNER_WRITE]");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("sms-outbox.jsonl", "sms-outbox.jsonl.lock");
    }

    @Test
    void thePurgeWaitsWhileTheSenderHoldsTheOutboxLockAndThenSeesItsLine() throws Exception {
        Path outbox = outbox(line("sms-1", "2020-01-01T00:00:00Z"));
        Future<LocalPurge.Outcome> purge;
        try (ExecutorService pool = Executors.newSingleThreadExecutor();
                FileChannel lockFile = FileChannel.open(
                        dir.resolve("sms-outbox.jsonl.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            try (FileLock senderHolds = lockFile.lock()) {
                purge = pool.submit(() -> new OutboxPurge(outbox, TRACE).purge(NOW, false));
                // it stays blocked on the lock for as long as it is held: watched, not slept on
                await().during(Duration.ofMillis(300))
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> !purge.isDone());
                // the sender's append, made while it holds the lock
                Files.writeString(outbox, line("sms-2", "2027-12-05T08:59:00Z"), StandardOpenOption.APPEND);
            }
            assertThat(purge.get(10, TimeUnit.SECONDS).removed()).isEqualTo(1);
        }

        assertThat(Files.readString(outbox)).isEqualTo(line("sms-2", "2027-12-05T08:59:00Z"));
    }

    private Path outbox(String content) throws Exception {
        Path outbox = dir.resolve("sms-outbox.jsonl");
        Files.writeString(outbox, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(outbox, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return outbox;
    }

    private static String line(String id, String createdAt) {
        return "{\"id\":\"" + id + "\",\"callId\":\"call-" + id
                + "\",\"to\":\"+32470123456\",\"serviceLine\":\"private\","
                + "\"language\":\"nl\",\"text\":\"Volg uw pakket\",\"createdAt\":\"" + createdAt + "\"}\n";
    }
}
