package org.callgate.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callgate.audit.AuditActions;
import org.callgate.audit.AuditEntry;
import org.callgate.audit.AuditHistory;
import org.callgate.core.access.CompletenessReport;
import org.callgate.core.access.ComplianceReports;
import org.callgate.core.access.Dashboard;
import org.callgate.core.access.Hold;
import org.callgate.core.access.HoldChange;
import org.callgate.core.access.HoldDesk;
import org.callgate.core.access.PurgeRun;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.recording.CompletenessCheck;
import org.callgate.records.CallTraces;
import org.callgate.records.HeldRecords;
import org.callgate.records.LegalHold;
import org.callgate.records.LegalHolds;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * The web API's compliance SPIs over the running gateway: legal holds over the register the
 * gateway shares with {@code callgate hold} (R19), the completeness check over the traces in the
 * store (R8, as {@code callgate compliance check}), the purge runs from their reports in the audit
 * log (R11) and the coverage dashboard from the index ({@link CoverageCounts}). The audit log
 * itself is {@link AuditWeb}'s.
 */
final class ComplianceWeb {

    private ComplianceWeb() {}

    /**
     * Places and releases holds as {@code callgate hold} does, minus its audit entry: the web layer
     * writes {@code hold.place} and {@code hold.release} with the user's name. One at a time, so that
     * two officers placing at once do not interleave their store writes.
     */
    static HoldDesk holds(LegalHolds register, RecordingStore store, RecordIndex index) {
        HeldRecords held = new HeldRecords(store, index, register);
        return new HoldDesk() {
            @Override
            public List<Hold> list(boolean released) {
                return register.list(released).stream().map(ComplianceWeb::hold).toList();
            }

            @Override
            public Optional<Hold> find(String id) {
                return register.find(id).map(ComplianceWeb::hold);
            }

            @Override
            public synchronized HoldChange place(
                    Hold.Scope scope, String value, String caseId, String reason, String actor) throws IOException {
                boolean twice = register.list(false).stream()
                        .anyMatch(h -> h.scope().name().equals(scope.name())
                                && h.value().equals(value)
                                && h.caseId().equals(caseId));
                if (twice) {
                    throw new IllegalStateException("an active hold already covers " + scope + " for case " + caseId);
                }
                try {
                    return change(held.place(LegalHold.Scope.valueOf(scope.name()), value, caseId, reason, actor));
                } catch (StoreException e) {
                    throw new IOException("cannot place the hold in the store: " + e.getMessage(), e);
                }
            }

            @Override
            public synchronized HoldChange release(String id, String actor) throws IOException {
                try {
                    return change(held.release(id, actor));
                } catch (StoreException e) {
                    throw new IOException("cannot release the hold in the store: " + e.getMessage(), e);
                }
            }
        };
    }

    private static HoldChange change(HeldRecords.Outcome outcome) {
        return new HoldChange(hold(outcome.hold()), outcome.records(), outcome.objects(), outcome.notFound());
    }

    private static Hold hold(LegalHold hold) {
        return new Hold(
                hold.id(),
                Hold.Scope.valueOf(hold.scope().name()),
                hold.value(),
                hold.caseId(),
                hold.reason(),
                hold.placedBy(),
                hold.placed(),
                hold.releasedBy(),
                hold.released());
    }

    /**
     * The reports.
     *
     * @param check the completeness check as configured (profile, spool, banking services)
     * @param auditDirectory the audit log's directory, where purge reports are
     * @param coverage the dashboard's counts
     */
    static ComplianceReports reports(
            RecordingStore store, CompletenessCheck check, Path auditDirectory, CoverageCounts coverage) {
        return new ComplianceReports() {
            @Override
            public CompletenessReport completeness(Instant from, Instant to) throws IOException {
                try {
                    List<CallTrace> traces = new CallTraces(store).between(from, to);
                    Map<String, String> services = new HashMap<>();
                    traces.forEach(trace -> services.put(trace.callId(), trace.service()));
                    List<CompletenessReport.Call> calls = new ArrayList<>();
                    for (CompletenessCheck.Finding f : check.check(traces).findings()) {
                        calls.add(new CompletenessReport.Call(
                                f.callId(),
                                services.get(f.callId()),
                                f.time(),
                                f.status().token(),
                                f.status().complete(),
                                f.status().meaning(),
                                f.detail()));
                    }
                    return new CompletenessReport(from, to, calls);
                } catch (StoreException e) {
                    throw new IOException("cannot read the call traces from the store: " + e.getMessage(), e);
                }
            }

            @Override
            public List<PurgeRun> purges(int limit) throws IOException {
                return AuditHistory.matching(auditDirectory, e -> e.action().equals(AuditActions.PURGE), limit).stream()
                        .map(ComplianceWeb::purge)
                        .toList();
            }

            @Override
            public Dashboard dashboard(java.time.LocalDate last, int days) {
                return coverage.dashboard(last, days);
            }
        };
    }

    /** A purge run as {@code Governance} wrote its report: dry runs are not reported, so never one. */
    static PurgeRun purge(AuditEntry entry) {
        Map<String, Object> d = entry.details();
        List<PurgeRun.Local> local = new ArrayList<>();
        if (d.get("local") instanceof List<?> outcomes) {
            for (Object o : outcomes) {
                if (o instanceof Map<?, ?> m) {
                    local.add(new PurgeRun.Local(
                            String.valueOf(m.get("what")), number(m.get("removed")), number(m.get("kept"))));
                }
            }
        }
        return new PurgeRun(
                String.valueOf(d.getOrDefault("run", "?")),
                instant(d.get("at")),
                entry.time(),
                false,
                counts(d.get("purged")),
                counts(d.get("kept")),
                local,
                d.get("idsSha256") instanceof String ids ? ids : null,
                entry.seq());
    }

    private static Map<String, Long> counts(Object given) {
        Map<String, Long> counts = new HashMap<>();
        if (given instanceof Map<?, ?> map) {
            map.forEach((key, value) -> counts.put(String.valueOf(key), number(value)));
        }
        return counts;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(Object given) {
        try {
            return given instanceof String text ? Instant.parse(text) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
