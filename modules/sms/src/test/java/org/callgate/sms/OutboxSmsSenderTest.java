package org.callgate.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.callgate.core.sms.SmsException;
import org.callgate.core.sms.SmsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox: one durable JSON line per message (R9), each message once. */
class OutboxSmsSenderTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void twoMessagesBecomeTwoLinesOfValidJson() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        OutboxSmsSender sender = new OutboxSmsSender(file);

        sender.send(TestMessages.message("sms-1"));
        sender.send(TestMessages.message("sms-2"));

        List<JsonNode> lines = lines(file);
        assertThat(lines).extracting(line -> line.get("id").asText()).containsExactly("sms-1", "sms-2");
        assertThat(lines.getFirst().properties())
                .extracting(e -> e.getKey() + "=" + e.getValue().asText())
                .containsExactly(
                        "id=sms-1",
                        "callId=call-sms-1",
                        "to=+32470123456",
                        "serviceLine=private",
                        "language=nl",
                        "text=" + TestMessages.TEXT,
                        "createdAt=2026-11-25T10:15:30Z");
        assertThat(Files.readString(file)).endsWith("\n");
    }

    @Test
    void theSameIdTwiceIsWrittenOnce() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        OutboxSmsSender sender = new OutboxSmsSender(file);

        sender.send(TestMessages.message("sms-1"));
        sender.send(TestMessages.withText("sms-1", "a retry with another text"));

        assertThat(lines(file))
                .singleElement()
                .satisfies(line -> assertThat(line.get("text").asText()).isEqualTo(TestMessages.TEXT));
    }

    @Test
    void aNewSenderOnAnExistingFileStillRefusesTheDuplicate() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        new OutboxSmsSender(file).send(TestMessages.message("sms-1"));

        OutboxSmsSender restarted = new OutboxSmsSender(file);
        restarted.send(TestMessages.message("sms-1"));
        restarted.send(TestMessages.message("sms-2"));

        assertThat(lines(file)).extracting(line -> line.get("id").asText()).containsExactly("sms-1", "sms-2");
    }

    @Test
    void concurrentSendsFrom8ThreadsProduce8CompleteLines() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        OutboxSmsSender sender = new OutboxSmsSender(file);

        sendAtOnce(8, i -> TestMessages.withText("sms-" + i, "x".repeat(10_000) + i), sender);

        assertThat(lines(file))
                .hasSize(8)
                .extracting(line -> line.get("id").asText())
                .containsExactlyInAnyOrder("sms-0", "sms-1", "sms-2", "sms-3", "sms-4", "sms-5", "sms-6", "sms-7");
    }

    @Test
    void theSameIdFrom8ThreadsAtOnceIsWrittenOnce() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        OutboxSmsSender sender = new OutboxSmsSender(file);

        sendAtOnce(8, i -> TestMessages.message("sms-1"), sender);

        assertThat(lines(file)).hasSize(1);
    }

    @Test
    void aTextWithLineBreaksStaysOnItsOwnLine() throws Exception {
        Path file = dir.resolve("outbox.jsonl");

        new OutboxSmsSender(file).send(TestMessages.withText("sms-1", "line one\nline two\r\n\u2028end"));

        assertThat(Files.readAllLines(file)).hasSize(1);
        assertThat(lines(file).getFirst().get("text").asText()).isEqualTo("line one\nline two\r\n\u2028end");
    }

    @Test
    void missingParentDirectoriesAreCreated() throws Exception {
        Path file = dir.resolve("var/sms/outbox.jsonl");

        new OutboxSmsSender(file).send(TestMessages.message("sms-1"));

        assertThat(lines(file)).hasSize(1);
    }

    @Test
    void theOutboxIsReadableAndWritableByItsOwnerOnly() throws Exception {
        // It holds phone numbers (R11).
        Path file = dir.resolve("outbox.jsonl");

        new OutboxSmsSender(file).send(TestMessages.message("sms-1"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aLineCutShortByACrashIsSkippedAndTheNextMessageStartsOnItsOwnLine() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        new OutboxSmsSender(file).send(TestMessages.message("sms-1"));
        Files.writeString(file, Files.readString(file) + "{\"id\":\"sms-2\",\"callId\":\"ca");

        OutboxSmsSender restarted = new OutboxSmsSender(file);
        restarted.send(TestMessages.message("sms-2"));

        List<String> raw = Files.readAllLines(file);
        assertThat(raw).hasSize(3);
        assertThat(raw.get(1)).isEqualTo("{\"id\":\"sms-2\",\"callId\":\"ca");
        assertThat(JSON.readTree(raw.get(2)).get("id").asText()).isEqualTo("sms-2");
    }

    @Test
    void aFileThatCannotBeWrittenGivesAnSmsExceptionNamingIt() throws Exception {
        Path file = dir.resolve("var/outbox.jsonl");
        OutboxSmsSender sender = new OutboxSmsSender(file);
        Files.writeString(dir.resolve("var"), "a file where the directory should be");

        SmsException e = catchThrowableOfType(SmsException.class, () -> sender.send(TestMessages.message("sms-1")));

        assertThat(e)
                .hasMessageStartingWith("cannot write SMS outbox " + file + ": ")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void anOutboxThatCannotBeReadAtFirstIsReadAgainBeforeTheNextSend() throws Exception {
        Path file = Files.createDirectories(dir.resolve("outbox.jsonl"));
        OutboxSmsSender sender = new OutboxSmsSender(file);

        SmsException e = catchThrowableOfType(SmsException.class, () -> sender.send(TestMessages.message("sms-1")));
        assertThat(e).hasMessageStartingWith("cannot read SMS outbox " + file + ": ");

        Files.delete(file);
        Files.writeString(file, new String(SmsJson.toJson(TestMessages.message("sms-1")), "UTF-8") + "\n");
        sender.send(TestMessages.message("sms-1"));
        sender.send(TestMessages.message("sms-2"));

        assertThat(lines(file)).extracting(line -> line.get("id").asText()).containsExactly("sms-1", "sms-2");
    }

    @Test
    void aSendWaitsForTheOutboxLockAndThenWritesIntoTheFileThatReplacedTheOutbox() throws Exception {
        // What the retention purge does (R1): under the lock, replace the outbox by a file without
        // its expired lines. A send meanwhile must land in the new file, not in the replaced one.
        Path file = dir.resolve("outbox.jsonl");
        OutboxSmsSender sender = new OutboxSmsSender(file);
        sender.send(TestMessages.message("sms-1"));
        Future<Void> send;
        try (ExecutorService pool = Executors.newSingleThreadExecutor();
                FileChannel lockFile = FileChannel.open(
                        dir.resolve("outbox.jsonl.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            try (FileLock purgeHolds = lockFile.lock()) {
                send = pool.submit(() -> {
                    sender.send(TestMessages.message("sms-2"));
                    return null;
                });
                // it stays blocked on the lock for as long as it is held: watched, not slept on
                await().during(Duration.ofMillis(300))
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> !send.isDone());
                Path replacement = Files.writeString(dir.resolve("outbox.jsonl.tmp"), "");
                Files.move(replacement, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            send.get(10, TimeUnit.SECONDS);
        }

        assertThat(lines(file)).extracting(line -> line.get("id").asText()).containsExactly("sms-2");
    }

    private static void sendAtOnce(int threads, IntFunction<SmsMessage> messages, OutboxSmsSender sender)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Void>> sends = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                SmsMessage message = messages.apply(i);
                Callable<Void> send = () -> {
                    start.await();
                    sender.send(message);
                    return null;
                };
                sends.add(pool.submit(send));
            }
            start.countDown();
            for (Future<Void> send : sends) {
                send.get();
            }
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
