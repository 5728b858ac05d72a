package org.callgate.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.callgate.core.PhoneNumber;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Capability;
import org.callgate.core.access.Hold;
import org.callgate.core.access.HoldChange;
import org.callgate.core.access.HoldDesk;

/**
 * {@code GET /api/v1/holds?released=}, {@code POST /api/v1/holds} and {@code POST
 * /api/v1/holds/{id}/release}: legal holds for compliance staff (R18, R19). Listing, placing and
 * releasing go to the audit trail ({@code hold.list}, {@code hold.place}, {@code hold.release},
 * R11); a caller's number is shown to compliance in clear but never written to the audit log.
 */
final class HoldRoutes implements ApiRoutes {

    static final int MAX_CASE = 100;
    static final int MAX_REASON = 500;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern DOSSIER = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._@-]{1,128}");
    private static final Set<String> FIELDS = Set.of("scope", "value", "caseId", "reason");

    private final HoldDesk holds;
    private final AuditTrail audit;
    private final AccessControl access;

    HoldRoutes(HoldDesk holds, AuditTrail audit, AccessControl access) {
        this.holds = Objects.requireNonNull(holds, "holds");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public void addTo(ServerBuilder server, String prefix) {
        server.route().get(prefix + "/holds").build(access.requires(Capability.HOLDS, Blocking.service(this::list)));
        server.route().post(prefix + "/holds").build(access.requires(Capability.HOLDS, Blocking.service(this::place)));
        server.route()
                .post(prefix + "/holds/{id}/release")
                .build(access.requires(Capability.HOLDS, Blocking.service(this::release)));
    }

    /** Audited ({@code hold.list}) before it is sent: a caller hold shows the caller's number. */
    private AggregatedHttpResponse list(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        String released = QueryParams.fromQueryString(ctx.query()).get("released", "false");
        if (!released.equals("true") && !released.equals("false")) {
            throw ApiException.badRequest("released must be true or false", Map.of("field", "released"));
        }
        List<Map<String, Object>> body = holds.list(Boolean.parseBoolean(released)).stream()
                .map(HoldRoutes::hold)
                .toList();
        audit.record(
                AuditTrail.HOLD_LIST,
                access.session(ctx).account().name(),
                Map.of("released", released, "count", Integer.toString(body.size())));
        return Json.response(200, Map.of("holds", body));
    }

    private AggregatedHttpResponse place(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        JsonNode body = JsonBodies.object(req, FIELDS);
        Hold.Scope scope = scope(JsonBodies.present(body, "scope", 20));
        String value = value(scope, JsonBodies.present(body, "value", 128));
        String caseId = words(JsonBodies.present(body, "caseId", MAX_CASE), "caseId", MAX_CASE);
        String reason = words(JsonBodies.present(body, "reason", MAX_REASON), "reason", MAX_REASON);
        boolean twice = holds.list(false).stream()
                .anyMatch(h -> h.scope() == scope
                        && h.value().equals(value)
                        && h.caseId().equals(caseId));
        if (twice) {
            throw ApiException.conflict("an active hold already covers this for case " + caseId);
        }
        String actor = access.session(ctx).account().name();
        HoldChange change;
        try {
            change = holds.place(scope, value, caseId, reason, actor);
        } catch (IllegalStateException e) {
            throw ApiException.conflict("an active hold already covers this for case " + caseId);
        }
        audit.record(AuditTrail.HOLD_PLACE, actor, details(change));
        return Json.response(201, changed(change));
    }

    private AggregatedHttpResponse release(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        JsonBodies.objectOrEmpty(req, Set.of());
        String id = Optional.ofNullable(ctx.pathParam("id")).orElse("");
        if (!ID.matcher(id).matches()) {
            throw ApiException.notFound("no such hold");
        }
        Hold hold = holds.find(id).orElseThrow(() -> ApiException.notFound("no such hold"));
        if (!hold.active()) {
            throw ApiException.conflict("hold " + id + " was released on " + hold.releasedAt());
        }
        String actor = access.session(ctx).account().name();
        HoldChange change;
        try {
            change = holds.release(id, actor);
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict("hold " + id + " is no longer active");
        }
        audit.record(AuditTrail.HOLD_RELEASE, actor, details(change));
        return Json.response(200, changed(change));
    }

    private static Hold.Scope scope(String given) {
        return switch (given) {
            case "dossier" -> Hold.Scope.DOSSIER;
            case "caller" -> Hold.Scope.CALLER;
            case "recording" -> Hold.Scope.RECORDING;
            default ->
                throw ApiException.badRequest("scope must be dossier, caller or recording", Map.of("field", "scope"));
        };
    }

    /** The value in the form the register keeps: a caller's number in E.164. */
    private static String value(Hold.Scope scope, String given) {
        String value = given.strip();
        return switch (scope) {
            case DOSSIER -> matching(value, DOSSIER, "a dossier number");
            case RECORDING -> matching(value, CALL_ID, "a call id");
            case CALLER ->
                PhoneNumber.tryParse(value)
                        .map(PhoneNumber::e164)
                        .orElseThrow(() -> ApiException.unprocessable(
                                "value is not a telephone number", Map.of("field", "value")));
        };
    }

    private static String matching(String value, Pattern pattern, String what) {
        if (!pattern.matcher(value).matches()) {
            throw ApiException.unprocessable("value is not " + what, Map.of("field", "value"));
        }
        return value;
    }

    private static String words(String given, String field, int max) {
        String text = given.strip();
        if (text.isEmpty() || CONTROL.matcher(text).find()) {
            throw ApiException.unprocessable(
                    field + " must be 1 to " + max + " characters without control characters", Map.of("field", field));
        }
        return text;
    }

    /** No personal data in the log: a dossier number and a call id hashed, a caller's number left out. */
    private static Map<String, String> details(HoldChange change) {
        Hold hold = change.hold();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("hold", hold.id());
        details.put("scope", scope(hold.scope()));
        switch (hold.scope()) {
            case DOSSIER -> details.put(AuditTrail.DOSSIER, hold.value());
            case RECORDING -> details.put(AuditTrail.CALL, hold.value());
            case CALLER -> {
                // the hold id names the number; a hashed phone number would not hide it
            }
        }
        details.put("case", hold.caseId());
        details.put("reason", hold.reason());
        details.put("records", Integer.toString(change.records()));
        details.put("objects", Integer.toString(change.objects()));
        return details;
    }

    private static String scope(Hold.Scope scope) {
        return scope.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> changed(HoldChange change) {
        Map<String, Object> body = hold(change.hold());
        body.put("records", change.records());
        body.put("objects", change.objects());
        body.put("notFound", change.notFound());
        return body;
    }

    static Map<String, Object> hold(Hold hold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", hold.id());
        body.put("scope", scope(hold.scope()));
        body.put("value", hold.value());
        body.put("caseId", hold.caseId());
        body.put("reason", hold.reason());
        body.put("placedBy", hold.placedBy());
        body.put("placedAt", hold.placedAt().toString());
        body.put("releasedBy", hold.releasedBy());
        body.put(
                "releasedAt",
                hold.releasedAt() == null ? null : hold.releasedAt().toString());
        return body;
    }
}
