package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callgate.audit.AuditActions;
import org.callgate.audit.AuditLog;
import org.callgate.core.access.PurgeRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The purge runs read back from their reports in a real audit log, newest first, other entries left out. */
class CompliancePurgeReportsTest {

    @TempDir
    Path dir;

    /** The details {@code Governance} writes for a run. */
    private static Map<String, Object> report(String run, long traces) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run", run);
        details.put("at", "2026-12-0" + run.charAt(7) + "T03:00:00Z");
        details.put("purged", Map.of("trace", traces, "sampled-recording", 2));
        details.put("kept", Map.of("locked", 1));
        details.put("local", List.of(Map.of("what", "spool", "removed", 3, "kept", 0)));
        details.put("idsSha256", "ab".repeat(32));
        return details;
    }

    @Test
    void purgeRunsShouldComeFromThePurgeEntriesNewestFirstWithTheirCounts() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T03:00:07Z"), ZoneOffset.UTC);
        try (AuditLog log = AuditLog.open(AuditLog.Settings.in(dir), clock)) {
            log.append(AuditActions.PURGE, "callgate", report("20261204T030000Z", 10));
            log.append(AuditActions.DOSSIER_READ, "anna", Map.of("dossier", "sha256:x"));
            log.append(AuditActions.PURGE, "callgate", report("20261205T030000Z", 7));
        }
        var reports = ComplianceWeb.reports(null, null, dir, null);

        List<PurgeRun> runs = reports.purges(5);

        assertThat(runs).extracting(PurgeRun::id).containsExactly("20261205T030000Z", "20261204T030000Z");
        PurgeRun newest = runs.getFirst();
        assertThat(newest.started()).isEqualTo(Instant.parse("2026-12-05T03:00:00Z"));
        assertThat(newest.finished()).isEqualTo(Instant.parse("2026-12-05T03:00:07Z"));
        assertThat(newest.dryRun()).isFalse();
        assertThat(newest.deleted()).containsEntry("trace", 7L).containsEntry("sampled-recording", 2L);
        assertThat(newest.kept()).containsEntry("locked", 1L);
        assertThat(newest.local()).containsExactly(new PurgeRun.Local("spool", 3, 0));
        assertThat(newest.sequence()).isEqualTo(3);
        assertThat(reports.purges(1)).hasSize(1);
    }
}
