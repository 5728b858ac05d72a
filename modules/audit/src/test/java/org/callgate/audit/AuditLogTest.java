package org.callgate.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callgate.store.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local log (R11): chained lines, durable appends, segments, and what a crash leaves. */
class AuditLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    @Test
    void eachAppendIsOneJsonLineWithTheNextSeqTheClocksTimeAndSortedDetails() throws Exception {
        try (AuditLog log = AuditLog.open(AuditLog.Settings.in(dir), clock)) {
            assertThat(log.append(AuditActions.PURGE, "purge", Map.of("recording", 3, "call-trace", 12)))
                    .isEqualTo(1);
            clock.advance(Duration.ofSeconds(5));
            assertThat(log.append(AuditActions.HOLD_PLACE, "compliance-1", Map.of("hold", "H-7")))
                    .isEqualTo(2);
        }

        List<String> lines = LogFiles.lines(LogFiles.segment(dir, 1));
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst())
                .startsWith("{\"seq\":1,\"time\":\"2026-11-25T10:15:30Z\",\"action\":\"purge\",\"actor\":\"purge\","
                        + "\"details\":{\"call-trace\":12,\"recording\":3},\"prev\":\"" + AuditLines.GENESIS + "\"");
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("seq").asLong()).isEqualTo(2);
        assertThat(second.get("time").asText()).isEqualTo("2026-11-25T10:15:35Z");
    }

    @Test
    void eachHashCoversTheLineWithoutItAndEachPrevIsTheHashOfThePreviousLinesBytes() throws Exception {
        try (AuditLog log = AuditLog.open(AuditLog.Settings.in(dir), clock)) {
            log.append(AuditActions.CONFIG_LOAD, "callgate", Map.of("profile", "default"));
            log.append(AuditActions.DOSSIER_READ, "agent-4", Map.of("dossier", AuditActions.hashedId("D-1")));
        }

        List<String> lines = LogFiles.lines(LogFiles.segment(dir, 1));
        for (String line : lines) {
            String content = line.replaceFirst(",\"hash\":\"[0-9a-f]{64}\"}$", "}");
            assertThat(JSON.readTree(line).get("hash").asText()).isEqualTo(sha256(content));
        }
        assertThat(JSON.readTree(lines.get(1)).get("prev").asText()).isEqualTo(sha256(lines.getFirst()));
    }

    @Test
    void reopeningTheLogContinuesTheChainFromItsLastEntry() throws Exception {
        try (AuditLog log = AuditLog.open(AuditLog.Settings.in(dir), clock)) {
            log.append(AuditActions.PURGE, "purge", Map.of());
        }
        try (AuditLog log = AuditLog.open(AuditLog.Settings.in(dir), clock)) {
            assertThat(log.head()).map(AuditEntry::seq).contains(1L);
            assertThat(log.append(AuditActions.PURGE, "purge", Map.of())).isEqualTo(2);
        }

        List<String> lines = LogFiles.lines(LogFiles.segment(dir, 1));
        assertThat(JSON.readTree(lines.get(1)).get("prev").asText()).isEqualTo(sha256(lines.getFirst()));
        assertThat(AuditVerifier.verify(dir).intact()).isTrue();
    }

    @Test
    void aSegmentIsSealedOnceItHoldsItsSizeLimitAndTheChainGoesOnInTheNext() throws Exception {
        try (AuditLog log = AuditLog.open(new AuditLog.Settings(dir, 600, Duration.ofDays(1)), clock)) {
            for (int i = 0; i < 6; i++) {
                log.append(AuditActions.RECORDING_READ, "compliance-1", Map.of("n", i));
            }
            assertThat(log.sealedSegments()).isNotEmpty();
        }

        List<Path> segments = Segments.list(dir);
        assertThat(segments).hasSizeGreaterThan(1);
        assertThat(segments.subList(0, segments.size() - 1))
                .allSatisfy(segment -> assertThat(Files.size(segment)).isGreaterThanOrEqualTo(600));
        AuditVerification verification = AuditVerifier.verify(dir);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(6);
    }

    @Test
    void aSegmentIsSealedOnceItsFirstEntryIsOlderThanItsAgeLimit() throws Exception {
        try (AuditLog log = AuditLog.open(new AuditLog.Settings(dir, 1 << 20, Duration.ofHours(1)), clock)) {
            log.append(AuditActions.PURGE, "purge", Map.of());
            clock.advance(Duration.ofMinutes(59));
            assertThat(log.sealIfDue()).isFalse();
            clock.advance(Duration.ofMinutes(1));
            assertThat(log.sealIfDue()).isTrue();
            assertThat(log.sealedSegments()).containsExactly(LogFiles.segment(dir, 1));
            log.append(AuditActions.PURGE, "purge", Map.of());
        }

        assertThat(LogFiles.lines(LogFiles.segment(dir, 2))).hasSize(1);
        assertThat(AuditVerifier.verify(dir).segments()).isEqualTo(2);
    }

    @Test
    void aLineTornByACrashIsSetAsideNamedByItsOffsetAndTheChainGoesOnFromTheLastCompleteLine() throws Exception {
        try (AuditLog log = AuditLog.open(AuditLog.Settings.in(dir), clock)) {
            log.append(AuditActions.PURGE, "purge", Map.of());
            log.append(AuditActions.PURGE, "purge", Map.of());
        }
        Path segment = LogFiles.segment(dir, 1);
        long complete = Files.size(segment);
        byte[] torn = "{\"seq\":3,\"time\":\"2026-11-25T10:1".getBytes(UTF_8);
        Files.write(segment, torn, StandardOpenOption.APPEND);
        assertThat(AuditVerifier.verify(dir).firstBreak())
                .hasValueSatisfying(broken -> assertThat(broken.reason()).isEqualTo(AuditVerification.Reason.TORN));

        try (AuditLog log = AuditLog.open(AuditLog.Settings.in(dir), clock)) {
            assertThat(log.append(AuditActions.PURGE, "purge", Map.of())).isEqualTo(3);
        }

        assertThat(Files.readAllBytes(dir.resolve("segment-000001.jsonl.torn-" + complete + "-1")))
                .isEqualTo(torn);
        assertThat(LogFiles.lines(segment)).hasSize(3);
        assertThat(AuditVerifier.verify(dir).intact()).isTrue();
    }

    @Test
    void aDamagedLastCompleteLineStopsTheLogFromOpeningAndNamesIt() throws Exception {
        try (AuditLog log = AuditLog.open(AuditLog.Settings.in(dir), clock)) {
            log.append(AuditActions.PURGE, "purge", Map.of("recording", 3));
        }
        LogFiles.editLine(LogFiles.segment(dir, 1), 1, line -> line.replace("\"recording\":3", "\"recording\":4"));

        assertThatThrownBy(() -> AuditLog.open(AuditLog.Settings.in(dir), clock))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("segment-000001.jsonl line 1")
                .hasMessageContaining("edited");
    }

    @Test
    void anIdGoesIntoAnEntryOnlyAsItsHash() {
        assertThat(AuditActions.hashedId("D-2026-000042"))
                .isEqualTo("sha256:" + sha256("D-2026-000042"))
                .doesNotContain("000042");
    }

    private static String sha256(String text) {
        return Digests.sha256Hex(text.getBytes(UTF_8));
    }
}
