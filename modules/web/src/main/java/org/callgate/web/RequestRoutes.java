package org.callgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.callgate.core.PhoneNumber;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Capability;
import org.callgate.core.access.RequestRegister;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.DossierCorrection;
import org.callgate.core.request.RequestOutcome;
import org.callgate.core.request.RequestType;
import org.callgate.core.request.RightsRequest;

/**
 * Data-subject requests (R12, R20, R22): {@code GET /api/v1/requests?all=} (compliance: the
 * register, soonest due first, with overdue and due-soon flags), {@code POST /api/v1/requests}
 * (agents and compliance: log a request a caller makes), and the steps {@code POST
 * /api/v1/requests/{id}/verify|extend|answer|refuse} (compliance), and the work on the records:
 * {@code POST /api/v1/requests/{id}/carry-out}, {@code POST /api/v1/requests/{id}/rectify} and
 * {@code GET /api/v1/requests/{id}/export}
 * (compliance). The register writes each step's
 * audit entry; listing is audited here ({@code request.list}), since the list shows requesters'
 * numbers and names.
 */
final class RequestRoutes implements ApiRoutes {

    static final int MAX_TEXT = 2000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern DOSSIER = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Set<String> RECTIFY_FIELDS = Set.of("dossier", "name", "firstName", "phones", "email", "iban");
    private static final Set<String> OPEN_FIELDS =
            Set.of("type", "phones", "dossiers", "name", "email", "via", "received");

    private final RequestRegister requests;
    private final AuditTrail audit;
    private final AccessControl access;
    private final Clock clock;

    /** One step on one request: the field it reads and what it does. */
    @FunctionalInterface
    private interface Step {
        RightsRequest take(String id, JsonNode body, String actor) throws IOException;
    }

    RequestRoutes(RequestRegister requests, AuditTrail audit, AccessControl access, Clock clock) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void addTo(ServerBuilder server, String prefix) {
        server.route()
                .get(prefix + "/requests")
                .build(access.requires(Capability.REQUESTS, Blocking.service(this::list)));
        server.route()
                .post(prefix + "/requests")
                .build(access.requires(Capability.REQUEST_LOG, Blocking.service(this::open)));
        step(
                server,
                prefix,
                "verify",
                Set.of("method"),
                (id, body, actor) -> requests.verify(id, JsonBodies.required(body, "method", MAX_TEXT), actor));
        step(
                server,
                prefix,
                "extend",
                Set.of("until", "reason"),
                (id, body, actor) -> requests.extend(
                        id,
                        day(JsonBodies.required(body, "until", 10), "until"),
                        JsonBodies.required(body, "reason", MAX_TEXT),
                        actor));
        step(
                server,
                prefix,
                "answer",
                Set.of("text"),
                (id, body, actor) -> requests.answer(id, JsonBodies.required(body, "text", MAX_TEXT), actor));
        step(
                server,
                prefix,
                "refuse",
                Set.of("reason"),
                (id, body, actor) -> requests.refuse(id, JsonBodies.required(body, "reason", MAX_TEXT), actor));
        work(server, prefix);
    }

    /**
     * {@code POST /requests/{id}/carry-out}: erases and restricts as the request's type says (R12),
     * and answers with the record-by-record report; {@code GET /requests/{id}/export}: the zip that
     * answers an access or portability request. Both refuse (409) before the identity is checked (R22).
     */
    private void work(ServerBuilder server, String prefix) {
        server.route()
                .post(prefix + "/requests/{id}/carry-out")
                .build(access.requires(Capability.REQUESTS, Blocking.service((ctx, req) -> {
                    JsonBodies.objectOrEmpty(req, Set.of());
                    String id = existing(ctx);
                    RequestOutcome outcome = refusals(() -> requests.carryOut(id, actor(ctx)));
                    return Json.response(200, Map.of("text", outcome.text(), "report", outcome.report()));
                })));
        server.route()
                .post(prefix + "/requests/{id}/rectify")
                .build(access.requires(Capability.REQUESTS, Blocking.service((ctx, req) -> {
                    JsonNode body = JsonBodies.object(req, RECTIFY_FIELDS);
                    String id = existing(ctx);
                    RequestOutcome outcome = refusals(() -> requests.rectify(
                            id,
                            new DossierCorrection(
                                    JsonBodies.required(body, "dossier", 40),
                                    JsonBodies.text(body, "name", 200),
                                    JsonBodies.text(body, "firstName", 200),
                                    body.has("phones") ? JsonBodies.texts(body, "phones", 40) : null,
                                    JsonBodies.text(body, "email", 200),
                                    JsonBodies.text(body, "iban", 50)),
                            actor(ctx)));
                    return Json.response(200, Map.of("text", outcome.text(), "report", outcome.report()));
                })));
        server.route()
                .get(prefix + "/requests/{id}/export")
                .build(access.requires(Capability.REQUESTS, Blocking.service((ctx, req) -> {
                    String id = existing(ctx);
                    ByteArrayOutputStream zip = new ByteArrayOutputStream();
                    refusals(() -> {
                        requests.export(id, actor(ctx), zip);
                        return null;
                    });
                    ResponseHeaders headers = ResponseHeaders.builder(HttpStatus.OK)
                            .contentType(MediaType.ZIP)
                            .add(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".zip\"")
                            .add(HttpHeaderNames.CACHE_CONTROL, "no-store")
                            .build();
                    return AggregatedHttpResponse.of(headers, HttpData.wrap(zip.toByteArray()));
                })));
    }

    /** The request id of the path, when the register has it; else a 404. */
    private String existing(ServiceRequestContext ctx) {
        String id = Optional.ofNullable(ctx.pathParam("id")).orElse("");
        if (!ID.matcher(id).matches() || requests.find(id).isEmpty()) {
            throw ApiException.notFound("no such request");
        }
        return id;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws IOException;
    }

    /** The register's refusals as answers: its state forbids it (409), its type or a value does (422). */
    private static <T> T refusals(Work<T> work) throws IOException {
        try {
            return work.run();
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage(), Map.of());
        }
    }

    private void step(ServerBuilder server, String prefix, String name, Set<String> fields, Step step) {
        server.route()
                .post(prefix + "/requests/{id}/" + name)
                .build(access.requires(Capability.REQUESTS, Blocking.service((ctx, req) -> {
                    JsonNode body = JsonBodies.object(req, fields);
                    String id = existing(ctx);
                    return Json.response(200, request(refusals(() -> step.take(id, body, actor(ctx)))));
                })));
    }

    private AggregatedHttpResponse list(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        String all = QueryParams.fromQueryString(ctx.query()).get("all", "false");
        if (!all.equals("true") && !all.equals("false")) {
            throw ApiException.badRequest("all must be true or false", Map.of("field", "all"));
        }
        List<Map<String, Object>> body = requests.list(Boolean.parseBoolean(all)).stream()
                .map(this::request)
                .toList();
        audit.record(AuditTrail.REQUEST_LIST, actor(ctx), Map.of("all", all, "count", Integer.toString(body.size())));
        return Json.response(200, Map.of("requests", body));
    }

    private AggregatedHttpResponse open(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        JsonNode body = JsonBodies.object(req, OPEN_FIELDS);
        RequestType type;
        try {
            type = RequestType.of(JsonBodies.required(body, "type", 20));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), Map.of("field", "type"));
        }
        List<PhoneNumber> phones = new ArrayList<>();
        for (String given : JsonBodies.texts(body, "phones", 40)) {
            phones.add(PhoneNumber.tryParse(given)
                    .orElseThrow(() -> ApiException.unprocessable(
                            "phones holds something that is not a telephone number", Map.of("field", "phones"))));
        }
        List<String> dossiers = JsonBodies.texts(body, "dossiers", 40);
        if (dossiers.stream().anyMatch(d -> !DOSSIER.matcher(d).matches())) {
            throw ApiException.unprocessable(
                    "dossiers holds something that is not a dossier number", Map.of("field", "dossiers"));
        }
        String received = JsonBodies.text(body, "received", 10);
        try {
            DataSubject subject = new DataSubject(
                    phones, dossiers, JsonBodies.text(body, "name", 200), JsonBodies.text(body, "email", 200));
            RightsRequest opened = requests.open(
                    type,
                    subject,
                    received == null ? null : day(received, "received"),
                    JsonBodies.text(body, "via", 200),
                    actor(ctx));
            return Json.response(201, request(opened));
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage(), Map.of());
        }
    }

    private static Instant day(String given, String field) {
        try {
            return LocalDate.parse(given).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be a date, YYYY-MM-DD", Map.of("field", field));
        }
    }

    private String actor(ServiceRequestContext ctx) {
        return access.session(ctx).account().name();
    }

    private Map<String, Object> request(RightsRequest r) {
        return RequestBodies.of(r, clock.instant());
    }
}
