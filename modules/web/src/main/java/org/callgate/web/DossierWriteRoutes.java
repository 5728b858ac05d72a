package org.callgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.callgate.core.PhoneNumber;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.CallerCheck;
import org.callgate.core.access.Capability;
import org.callgate.core.access.DossierDesk;
import org.callgate.core.access.DossierDraft;
import org.callgate.core.access.DossierLookup;
import org.callgate.core.access.DossierWriteException;
import org.callgate.core.access.OpenedDossier;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.Iban;

/**
 * Agents write dossiers (R2) and record caller checks (R17): {@code POST /api/v1/dossiers}, {@code
 * PUT /api/v1/dossiers/{number}} (with the version edited: 409 when another was written meanwhile)
 * and {@code POST /api/v1/dossiers/{number}/checks}. An IBAN the caller says is compared here with
 * the dossier's and never sent back; every write and check is in the audit trail.
 */
final class DossierWriteRoutes implements ApiRoutes {

    /** A dossier created or edited: details {@value AuditTrail#DOSSIER}, {@code version}. */
    static final String WRITE = "dossier.write";

    /** A caller check recorded: details {@value AuditTrail#DOSSIER}, {@code kind}, {@code result}. */
    static final String CHECK = "dossier.check";

    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final DossierDesk desk;
    private final DossierLookup lookup;
    private final AuditTrail audit;
    private final AccessControl access;
    private final Clock clock;

    DossierWriteRoutes(DossierDesk desk, DossierLookup lookup, AuditTrail audit, AccessControl access, Clock clock) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void addTo(ServerBuilder server, String prefix) {
        server.route()
                .post(prefix + "/dossiers")
                .build(access.requires(Capability.DOSSIER_WRITE, Blocking.service(this::create)));
        server.route()
                .put(prefix + "/dossiers/{number}")
                .build(access.requires(Capability.DOSSIER_WRITE, Blocking.service(this::update)));
        server.route()
                .post(prefix + "/dossiers/{number}/checks")
                .build(access.requires(Capability.DOSSIER_WRITE, Blocking.service(this::check)));
    }

    private AggregatedHttpResponse create(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        DossierDraft draft = draft(JsonBodies.object(req), true);
        Dossier created = write(() -> desk.create(draft));
        audited(ctx, WRITE, created, Map.of("version", "1"));
        return Json.response(201, DossierRoutes.dossier(new OpenedDossier(created, List.of())));
    }

    private AggregatedHttpResponse update(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        String number = number(ctx);
        JsonNode body = JsonBodies.object(req);
        JsonNode version = body.get("version");
        if (version == null || !version.canConvertToInt() || version.asInt() < 1) {
            throw ApiException.badRequest("version must be the version edited, 1 or more", Map.of("field", "version"));
        }
        DossierDraft draft = draft(body, false);
        Dossier updated = write(() -> desk.update(number, version.asInt(), draft));
        audited(ctx, WRITE, updated, Map.of("version", Integer.toString(updated.version())));
        Optional<OpenedDossier> opened = lookup.open(number);
        return Json.response(200, DossierRoutes.dossier(opened.orElse(new OpenedDossier(updated, List.of()))));
    }

    private AggregatedHttpResponse check(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        String number = number(ctx);
        JsonNode body = JsonBodies.object(req);
        String kindText = Optional.ofNullable(JsonBodies.text(body, "kind", 20)).orElse("");
        CallerCheck.Kind kind = switch (kindText) {
            case "iban" -> CallerCheck.Kind.IBAN;
            case "mandate" -> CallerCheck.Kind.MANDATE;
            case "identity" -> CallerCheck.Kind.IDENTITY;
            default ->
                throw ApiException.unprocessable("kind must be iban, mandate or identity", Map.of("field", "kind"));
        };
        String note = Optional.ofNullable(JsonBodies.text(body, "note", 200)).orElse("");
        if (note.contains("\n")) {
            throw ApiException.unprocessable("note must be one line", Map.of("field", "note"));
        }
        boolean passed = kind == CallerCheck.Kind.IBAN ? ibanMatches(number, body) : result(body);
        String agent = access.session(ctx).account().name();
        Dossier written =
                write(() -> desk.recordCheck(number, new CallerCheck(kind, passed, agent, clock.instant(), note)));
        String result = passed ? "ok" : "failed";
        audited(ctx, CHECK, written, Map.of("kind", kind.label(), "result", result));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", kind.label());
        answer.put("matches", kind == CallerCheck.Kind.IBAN ? passed : null);
        answer.put("result", result);
        answer.put("checkedBy", agent);
        answer.put("checkedAt", written.updated().toString());
        return Json.response(201, answer);
    }

    /** The IBAN the caller said against the dossier's, here on the server (R17). */
    private boolean ibanMatches(String number, JsonNode body) throws IOException {
        String said = JsonBodies.text(body, "value", 50);
        if (said == null || said.isBlank()) {
            throw ApiException.unprocessable("value must be the IBAN the caller said", Map.of("field", "value"));
        }
        Dossier dossier = desk.latest(number).orElseThrow(() -> ApiException.notFound("no such dossier"));
        if (dossier.iban() == null) {
            throw ApiException.unprocessable("the dossier has no IBAN to compare with", Map.of("field", "kind"));
        }
        return Iban.tryParse(said).map(dossier.iban()::equals).orElse(false);
    }

    private static boolean result(JsonNode body) {
        String result = JsonBodies.text(body, "result", 10);
        if ("ok".equals(result) || "failed".equals(result)) {
            return result.equals("ok");
        }
        throw ApiException.unprocessable("result must be ok or failed", Map.of("field", "result"));
    }

    /** The draft, checked field by field so that a 422 names the field (R2). */
    private static DossierDraft draft(JsonNode body, boolean creating) {
        String service = JsonBodies.text(body, "service", 40);
        if (creating && (service == null || !SERVICE.matcher(service).matches())) {
            throw ApiException.unprocessable(
                    "service must be a service id (a-z, 0-9, '-')", Map.of("field", "service"));
        }
        String name = JsonBodies.text(body, "name", 200);
        if (name == null || name.isBlank()) {
            throw ApiException.unprocessable("a dossier needs a name", Map.of("field", "name"));
        }
        List<String> phones = JsonBodies.texts(body, "phones", 40);
        for (String phone : phones) {
            if (PhoneNumber.tryParse(phone).isEmpty()) {
                throw ApiException.unprocessable("not a telephone number: '" + phone + "'", Map.of("field", "phones"));
            }
        }
        String iban = JsonBodies.text(body, "iban", 50);
        if (iban != null && !iban.isBlank() && Iban.tryParse(iban).isEmpty()) {
            throw ApiException.unprocessable("not a valid IBAN (check digits)", Map.of("field", "iban"));
        }
        String email = JsonBodies.text(body, "email", 200);
        if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
            throw ApiException.unprocessable("not an e-mail address", Map.of("field", "email"));
        }
        String notes =
                Optional.ofNullable(JsonBodies.text(body, "notes", 10_000)).orElse("");
        String firstName =
                Optional.ofNullable(JsonBodies.text(body, "firstName", 200)).orElse("");
        // An edit without the field keeps the IBAN on file: clients only ever see it masked.
        boolean keepIban = !creating && !body.has("iban");
        return new DossierDraft(service, name, firstName, phones, iban, email, notes, keepIban);
    }

    private static String number(ServiceRequestContext ctx) {
        String number = Optional.ofNullable(ctx.pathParam("number")).orElse("");
        if (!NUMBER.matcher(number).matches()) {
            throw ApiException.notFound("no such dossier");
        }
        return number;
    }

    private void audited(ServiceRequestContext ctx, String action, Dossier dossier, Map<String, String> more)
            throws IOException {
        Map<String, String> details = new LinkedHashMap<>(more);
        details.put(AuditTrail.DOSSIER, dossier.number());
        audit.record(action, access.session(ctx).account().name(), details);
    }

    @FunctionalInterface
    private interface Write {
        Dossier run() throws DossierWriteException, IOException;
    }

    /** The desk's refusals as the API's statuses. */
    private static Dossier write(Write write) throws IOException {
        try {
            return write.run();
        } catch (DossierWriteException e) {
            throw switch (e.reason()) {
                case NOT_FOUND -> ApiException.notFound("no such dossier");
                case CONFLICT -> ApiException.conflict(e.getMessage());
                case INVALID ->
                    ApiException.unprocessable(
                            e.getMessage(),
                            e.field() == null
                                    ? Map.of()
                                    : Map.of("field", e.field().toLowerCase(Locale.ROOT)));
            };
        }
    }
}
