package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.callgate.core.PhoneNumber;
import org.callgate.core.sms.SmsMessage;
import org.callgate.sms.OutboxSmsSender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The purge rewrites the outbox while the real sender appends to it: no sent message is lost (R9). */
class OutboxPurgeConcurrencyTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2027-12-05T09:00:00Z");
    private static final Instant EXPIRED = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant RECENT = Instant.parse("2027-12-05T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyRecentMessageSentWhilePurgesRunIsInTheOutboxOnceAndNoExpiredOneIs() throws Exception {
        Path file = dir.resolve("sms-outbox.jsonl");
        OutboxSmsSender sender = new OutboxSmsSender(file);
        OutboxPurge purge = new OutboxPurge(file, Period.ofYears(1));
        long removed = 0;
        try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
            List<Future<?>> sends = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                sends.add(senders.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        sender.send(message("t" + thread + "-" + i, i % 2 == 0 ? RECENT : EXPIRED));
                    }
                    return null;
                }));
            }
            while (sends.stream().anyMatch(send -> !send.isDone())) {
                removed += purge.purge(NOW, false).removed();
            }
            for (Future<?> send : sends) {
                send.get();
            }
        }
        removed += purge.purge(NOW, false).removed();

        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            ids.add(JSON.readTree(line).get("id").asText());
        }
        assertThat(ids)
                .hasSize(300)
                .doesNotHaveDuplicates()
                .allMatch(id -> Integer.parseInt(id.split("-")[1]) % 2 == 0);
        assertThat(removed).isEqualTo(300);
    }

    private static SmsMessage message(String id, Instant created) {
        return new SmsMessage(
                id, "call-" + id, PhoneNumber.parse("+32470123456"), "private", "nl", "Volg uw pakket", created);
    }
}
