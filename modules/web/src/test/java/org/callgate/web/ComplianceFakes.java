package org.callgate.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.callgate.core.access.AuditCheck;
import org.callgate.core.access.AuditReader;
import org.callgate.core.access.AuditRecord;
import org.callgate.core.access.CompletenessReport;
import org.callgate.core.access.ComplianceReports;
import org.callgate.core.access.Dashboard;
import org.callgate.core.access.Hold;
import org.callgate.core.access.HoldChange;
import org.callgate.core.access.HoldDesk;
import org.callgate.core.access.PurgeRun;

/**
 * In-memory compliance SPIs for tests of the web layer: a hold register with one active hold
 * ({@value #ACTIVE}) and one released ({@value #RELEASED}), an audit log of {@value #ENTRIES}
 * entries whose verification the test sets, one purge run, a completeness report of two banking
 * calls (one complete, one not) and a dashboard counting what it was asked.
 */
final class ComplianceFakes {

    static final String ACTIVE = "H20260301T090000-aaaa0001";
    static final String RELEASED = "H20260228T090000-aaaa0002";
    static final int ENTRIES = 250;
    static final Instant PLACED = Instant.parse("2026-03-01T09:00:00Z");

    private final Clock clock;
    private final AtomicInteger ids = new AtomicInteger();
    final Map<String, Hold> holds = new ConcurrentHashMap<>();
    /** The next place finds the same hold placed meanwhile, after the route's own check. */
    final java.util.concurrent.atomic.AtomicBoolean placeRaces = new java.util.concurrent.atomic.AtomicBoolean();

    final List<Instant[]> completenessAsked = new CopyOnWriteArrayList<>();
    final List<Object[]> dashboardAsked = new CopyOnWriteArrayList<>();
    final AtomicReference<AuditCheck> check = new AtomicReference<>(
            new AuditCheck(AuditCheck.State.INTACT, ENTRIES, PLACED, "250 entries, chain intact"));

    ComplianceFakes(Clock clock) {
        this.clock = clock;
        holds.put(ACTIVE, hold(ACTIVE, Hold.Scope.DOSSIER, AccessFakes.DOSSIER, null, null));
        holds.put(
                RELEASED,
                hold(RELEASED, Hold.Scope.CALLER, AccessFakes.CALLER, "compliance", PLACED.plusSeconds(3600)));
    }

    private static Hold hold(String id, Hold.Scope scope, String value, String releasedBy, Instant releasedAt) {
        return new Hold(id, scope, value, "C-1", "dispute", "compliance", PLACED, releasedBy, releasedAt);
    }

    final HoldDesk desk = new HoldDesk() {
        @Override
        public List<Hold> list(boolean released) {
            return holds.values().stream()
                    .filter(h -> released || h.active())
                    .sorted(Comparator.comparing(Hold::placedAt).reversed())
                    .toList();
        }

        @Override
        public Optional<Hold> find(String id) {
            return Optional.ofNullable(holds.get(id));
        }

        @Override
        public HoldChange place(Hold.Scope scope, String value, String caseId, String reason, String actor) {
            if (placeRaces.getAndSet(false)) {
                throw new IllegalStateException("placed meanwhile");
            }
            String id = "H20260302T080000-bbbb" + String.format("%04d", ids.incrementAndGet());
            Hold hold = new Hold(id, scope, value, caseId, reason, actor, clock.instant(), null, null);
            holds.put(id, hold);
            return new HoldChange(hold, 3, 5, List.of());
        }

        @Override
        public HoldChange release(String id, String actor) {
            Hold hold = find(id).filter(Hold::active).orElseThrow(() -> new IllegalArgumentException(id));
            Hold released = new Hold(
                    id,
                    hold.scope(),
                    hold.value(),
                    hold.caseId(),
                    hold.reason(),
                    hold.placedBy(),
                    hold.placedAt(),
                    actor,
                    clock.instant());
            holds.put(id, released);
            return new HoldChange(released, 3, 5, List.of());
        }
    };

    final AuditReader reader = new AuditReader() {
        @Override
        public List<AuditRecord> entries(long before, int limit) {
            List<AuditRecord> page = new ArrayList<>();
            for (long seq = Math.min(before - 1, ENTRIES); seq >= 1 && page.size() < limit; seq--) {
                page.add(entry(seq));
            }
            return page;
        }

        @Override
        public Optional<AuditRecord> head() {
            return Optional.of(entry(ENTRIES));
        }

        @Override
        public AuditCheck verification() {
            return check.get();
        }
    };

    static AuditRecord entry(long seq) {
        return new AuditRecord(
                seq,
                PLACED.plusSeconds(seq),
                seq % 2 == 0 ? "dossier.read" : "purge",
                "agent",
                Map.of("dossier", "sha256:" + seq),
                String.format("%064x", seq));
    }

    final ComplianceReports reports = new ComplianceReports() {
        @Override
        public CompletenessReport completeness(Instant from, Instant to) throws IOException {
            completenessAsked.add(new Instant[] {from, to});
            return new CompletenessReport(
                    from,
                    to,
                    List.of(
                            new CompletenessReport.Call(
                                    "call-bank-1", "bank", from, "ok", true, "recorded", "until 2036-03-02T08:00:00Z"),
                            new CompletenessReport.Call(
                                    "call-bank-2",
                                    "bank",
                                    from.plusSeconds(60),
                                    "not-in-store",
                                    false,
                                    "recording not in the store",
                                    "recordings/2026/03/02/call-bank-2.wav")));
        }

        @Override
        public List<PurgeRun> purges(int limit) {
            PurgeRun run = new PurgeRun(
                    "20260302T030000Z",
                    Instant.parse("2026-03-02T03:00:00Z"),
                    Instant.parse("2026-03-02T03:00:05Z"),
                    false,
                    Map.of("sampled-recording", 4L, "trace", 10L),
                    Map.of("locked", 2L),
                    List.of(new PurgeRun.Local("spool", 1, 0)),
                    "ab".repeat(32),
                    17);
            return List.of(run).subList(0, Math.min(1, limit));
        }

        @Override
        public Dashboard dashboard(LocalDate last, int days) {
            dashboardAsked.add(new Object[] {last, days});
            List<LocalDate> dates = new ArrayList<>();
            List<Long> calls = new ArrayList<>();
            List<Long> recorded = new ArrayList<>();
            for (int i = days - 1; i >= 0; i--) {
                dates.add(last.minusDays(i));
                calls.add(i == 0 ? 0L : 4L);
                recorded.add(i == 0 ? 0L : 3L);
            }
            return new Dashboard(
                    dates,
                    List.of(
                            new Dashboard.Series("bank", true, calls, recorded),
                            new Dashboard.Series("parcels", false, calls, List.copyOf(new ArrayList<>(calls)))));
        }
    };
}
