package org.callgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the log back, newest first, across sealed segments and past a line being written. */
class AuditHistoryTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private static List<Long> seqs(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::seq).toList();
    }

    @Test
    void entriesShouldComeNewestFirstAcrossSegmentsAndPageWithBefore() throws Exception {
        try (AuditLog log = AuditLog.open(AuditLog.Settings.in(dir), clock)) {
            for (int i = 1; i <= 7; i++) {
                log.append(i % 3 == 0 ? AuditActions.PURGE : AuditActions.DOSSIER_READ, "a" + i, Map.of("n", i));
                clock.advance(Duration.ofSeconds(1));
                if (i == 4) {
                    log.seal();
                }
            }
        }

        assertThat(seqs(AuditHistory.before(dir, Long.MAX_VALUE, 3))).containsExactly(7L, 6L, 5L);
        assertThat(seqs(AuditHistory.before(dir, 6, 3))).containsExactly(5L, 4L, 3L);
        assertThat(seqs(AuditHistory.before(dir, 3, 10))).containsExactly(2L, 1L);
        List<AuditEntry> purges = AuditHistory.matching(dir, e -> e.action().equals(AuditActions.PURGE), 10);
        assertThat(seqs(purges)).containsExactly(6L, 3L);
        assertThat(purges.getFirst().actor()).isEqualTo("a6");
        assertThat(purges.getFirst().details()).containsEntry("n", 6);
    }

    @Test
    void aLineStillBeingWrittenAndAnUnreadableLineShouldBeLeftOut() throws Exception {
        try (AuditLog log = AuditLog.open(AuditLog.Settings.in(dir), clock)) {
            log.append(AuditActions.CONFIG_LOAD, "callgate", Map.of());
            log.append(AuditActions.DOSSIER_READ, "agent", Map.of());
        }
        Path segment = LogFiles.segment(dir, 1);
        Files.writeString(segment, "not json\n{\"seq\":3,\"ti", StandardOpenOption.APPEND);

        assertThat(seqs(AuditHistory.before(dir, Long.MAX_VALUE, 10))).containsExactly(2L, 1L);
        assertThat(AuditHistory.before(dir.resolve("none"), Long.MAX_VALUE, 10)).isEmpty();
    }
}
