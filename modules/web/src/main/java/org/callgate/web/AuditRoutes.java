package org.callgate.web;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.callgate.core.access.AuditCheck;
import org.callgate.core.access.AuditReader;
import org.callgate.core.access.AuditRecord;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Capability;

/**
 * {@code GET /api/v1/audit?limit=&before=}: the audit log for compliance staff (R11), newest first
 * and a page at a time, with the state of its hash chain and its head. Reading the log is itself an
 * entry ({@code audit.read}), written before any entry is read.
 */
final class AuditRoutes implements ApiRoutes {

    static final int DEFAULT_LIMIT = 100;

    private final AuditReader reader;
    private final AuditTrail audit;
    private final AccessControl access;

    AuditRoutes(AuditReader reader, AuditTrail audit, AccessControl access) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public void addTo(ServerBuilder server, String prefix) {
        server.route().get(prefix + "/audit").build(access.requires(Capability.AUDIT, Blocking.service(this::read)));
    }

    private AggregatedHttpResponse read(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        QueryParams params = QueryParams.fromQueryString(ctx.query());
        int limit = (int) Queries.number(params.get("limit"), "limit", 1, AuditReader.MAX_LIMIT, DEFAULT_LIMIT);
        long before = Queries.number(params.get("before"), "before", 1, Long.MAX_VALUE, Long.MAX_VALUE);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("view", "entries");
        details.put("limit", Integer.toString(limit));
        if (before != Long.MAX_VALUE) {
            details.put("before", Long.toString(before));
        }
        audit.record(AuditTrail.AUDIT_READ, access.session(ctx).account().name(), details);
        List<AuditRecord> entries = reader.entries(before, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verification", verification(reader.verification()));
        body.put("head", reader.head().map(AuditRoutes::head).orElse(null));
        body.put("entries", entries.stream().map(AuditRoutes::entry).toList());
        body.put("next", entries.size() < limit ? null : entries.getLast().sequence());
        return Json.response(200, body);
    }

    private static Map<String, Object> verification(AuditCheck check) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", check.state().name().toLowerCase(Locale.ROOT));
        body.put("entries", check.entries());
        body.put(
                "checkedAt",
                check.checkedAt() == null ? null : check.checkedAt().toString());
        body.put("message", check.message());
        return body;
    }

    private static Map<String, Object> head(AuditRecord head) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence", head.sequence());
        body.put("hash", head.hash());
        return body;
    }

    private static Map<String, Object> entry(AuditRecord entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence", entry.sequence());
        body.put("time", entry.time().toString());
        body.put("action", entry.action());
        body.put("actor", entry.actor());
        body.put("details", entry.details());
        return body;
    }
}
