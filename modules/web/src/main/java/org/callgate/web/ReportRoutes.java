package org.callgate.web;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Capability;
import org.callgate.core.access.CompletenessReport;
import org.callgate.core.access.ComplianceReports;
import org.callgate.core.access.Dashboard;
import org.callgate.core.access.PurgeRun;

/**
 * Compliance reports: {@code GET /api/v1/reports/completeness?from=&to=} (every banking call of a
 * period and its recording's state, R8; audited as {@code report.read}), {@code GET
 * /api/v1/reports/purges?limit=} (the purge runs from the audit log, R11; audited as {@code
 * audit.read}) and {@code GET /api/v1/reports/dashboard?days=} (calls and recordings per service
 * and day: counts only, no personal data, so not audited; a dashboard may poll it).
 */
final class ReportRoutes implements ApiRoutes {

    static final int DEFAULT_DAYS = 14;
    static final int DEFAULT_PURGES = 20;
    static final int MAX_PURGES = 100;

    private final ComplianceReports reports;
    private final AuditTrail audit;
    private final AccessControl access;
    private final Clock clock;

    ReportRoutes(ComplianceReports reports, AuditTrail audit, AccessControl access, Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void addTo(ServerBuilder server, String prefix) {
        server.route()
                .get(prefix + "/reports/completeness")
                .build(access.requires(Capability.COMPLETENESS_REPORT, Blocking.service(this::completeness)));
        server.route()
                .get(prefix + "/reports/purges")
                .build(access.requires(Capability.AUDIT, Blocking.service(this::purges)));
        server.route()
                .get(prefix + "/reports/dashboard")
                .build(access.requires(Capability.COMPLETENESS_REPORT, Blocking.service(this::dashboard)));
    }

    private AggregatedHttpResponse completeness(ServiceRequestContext ctx, AggregatedHttpRequest req)
            throws IOException {
        QueryParams params = QueryParams.fromQueryString(ctx.query());
        LocalDate today = today();
        LocalDate to = Queries.date(params.get("to"), "to", today);
        LocalDate from = Queries.date(params.get("from"), "from", to);
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from is after to", Map.of("field", "from"));
        }
        if (ChronoUnit.DAYS.between(from, to) >= ComplianceReports.MAX_DAYS) {
            throw ApiException.badRequest(
                    "a report covers at most " + ComplianceReports.MAX_DAYS + " days", Map.of("field", "from"));
        }
        audit.record(
                AuditTrail.REPORT_READ,
                access.session(ctx).account().name(),
                Map.of("report", "completeness", "from", from.toString(), "to", to.toString()));
        CompletenessReport report = reports.completeness(
                from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("complete", report.complete());
        body.put("counts", report.counts());
        body.put("calls", report.calls().stream().map(ReportRoutes::call).toList());
        return Json.response(200, body);
    }

    private AggregatedHttpResponse purges(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        QueryParams params = QueryParams.fromQueryString(ctx.query());
        int limit = (int) Queries.number(params.get("limit"), "limit", 1, MAX_PURGES, DEFAULT_PURGES);
        audit.record(
                AuditTrail.AUDIT_READ,
                access.session(ctx).account().name(),
                Map.of("view", "purges", "limit", Integer.toString(limit)));
        List<Map<String, Object>> runs =
                reports.purges(limit).stream().map(ReportRoutes::purge).toList();
        return Json.response(200, Map.of("reports", runs));
    }

    private AggregatedHttpResponse dashboard(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        QueryParams params = QueryParams.fromQueryString(ctx.query());
        int days = (int) Queries.number(params.get("days"), "days", 1, ComplianceReports.MAX_DAYS, DEFAULT_DAYS);
        Dashboard dashboard = reports.dashboard(today(), days);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("days", dashboard.days().stream().map(LocalDate::toString).toList());
        body.put(
                "services",
                dashboard.services().stream().map(ReportRoutes::series).toList());
        return Json.response(200, body);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Map<String, Object> call(CompletenessReport.Call call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callId", call.callId());
        body.put("service", call.service());
        body.put("time", call.time() == null ? null : call.time().toString());
        body.put("status", call.status());
        body.put("complete", call.complete());
        body.put("meaning", call.meaning());
        body.put("detail", call.detail());
        return body;
    }

    private static Map<String, Object> purge(PurgeRun run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", run.id());
        body.put("started", run.started() == null ? null : run.started().toString());
        body.put("finished", run.finished() == null ? null : run.finished().toString());
        body.put("dryRun", run.dryRun());
        body.put("deleted", run.deleted());
        body.put("deletedTotal", total(run.deleted()));
        body.put("kept", run.kept());
        body.put("keptTotal", total(run.kept()));
        body.put(
                "local",
                run.local().stream()
                        .map(l -> Map.of("what", l.what(), "removed", l.removed(), "kept", l.kept()))
                        .toList());
        body.put("idsSha256", run.idsSha256());
        body.put("sequence", run.sequence());
        return body;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Coverage per day: recorded over calls, {@code null} on a day without calls. */
    private static Map<String, Object> series(Dashboard.Series series) {
        List<Double> coverage = new ArrayList<>();
        for (int i = 0; i < series.calls().size(); i++) {
            long calls = series.calls().get(i);
            coverage.add(calls == 0 ? null : (double) series.recorded().get(i) / calls);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", series.service());
        body.put("banking", series.banking());
        body.put("calls", series.calls());
        body.put("recorded", series.recorded());
        body.put("coverage", coverage);
        return body;
    }
}
