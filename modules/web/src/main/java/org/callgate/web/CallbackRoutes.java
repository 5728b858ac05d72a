package org.callgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Callbacks;
import org.callgate.core.access.Capability;

/**
 * {@code POST /api/v1/callbacks}: an agent calls a customer back from a service line (R5). callgate
 * asks the agent's phone to place the call (docs/api.md); the answer says whether the phone took
 * the request. Every callback asked for is an audit entry, accepted or not, without the
 * customer's number: a hash would not hide a phone number (docs/audit.md), the dossier says whom.
 */
final class CallbackRoutes implements ApiRoutes {

    private static final int MAX_FIELD = 200;

    /** Longer than a phone may take to answer the REFER before SIP gives up (Timer F, 32 s). */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(45);

    private static final Set<String> FIELDS = Set.of("phone", "number", "service", "dossier");

    private final Callbacks callbacks;
    private final AuditTrail audit;
    private final AccessControl access;

    CallbackRoutes(Callbacks callbacks, AuditTrail audit, AccessControl access) {
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public void addTo(ServerBuilder server, String prefix) {
        server.route()
                .post(prefix + "/callbacks")
                .requestTimeout(ANSWER_WAIT)
                .build(access.requires(Capability.CALLBACKS, Blocking.service(this::place)));
    }

    private AggregatedHttpResponse place(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        JsonNode body = JsonBodies.object(req, FIELDS);
        String phone = JsonBodies.required(body, "phone", MAX_FIELD).strip();
        String number = JsonBodies.required(body, "number", MAX_FIELD).strip();
        String service = JsonBodies.required(body, "service", MAX_FIELD).strip();
        String dossier = JsonBodies.text(body, "dossier", MAX_FIELD);
        if (dossier != null && dossier.isBlank()) {
            dossier = null;
        }
        Callbacks.Outcome outcome;
        try {
            outcome = callbacks.place(phone, number, service);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage(), Map.of());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("service", service);
        if (dossier != null) {
            details.put(AuditTrail.DOSSIER, dossier);
        }
        details.put("sipStatus", Integer.toString(outcome.sipStatus()));
        audit.record(AuditTrail.CALLBACK, access.session(ctx).account().name(), details);
        if (!outcome.accepted()) {
            throw new ApiException(
                    502,
                    "the phone did not take the callback (SIP " + outcome.sipStatus() + ")",
                    Map.of("sipStatus", outcome.sipStatus()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("phone", phone);
        answer.put("number", outcome.number());
        answer.put("service", service);
        answer.put("sipStatus", outcome.sipStatus());
        return Json.response(202, answer);
    }
}
