package org.callgate.web;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.callgate.core.PhoneNumber;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Capability;
import org.callgate.core.access.DossierLookup;
import org.callgate.core.access.OpenedDossier;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;

/**
 * {@code GET /api/v1/dossiers?q=&limit=} (search: a number in any form, a name, a dossier number, a
 * barcode or an IBAN) and {@code GET /api/v1/dossiers/{number}} (the dossier and its calls; every
 * read goes to the audit trail before the dossier leaves the server).
 */
final class DossierRoutes implements ApiRoutes {

    static final int MAX_QUERY = 200;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9-]{1,40}");

    private final DossierLookup dossiers;
    private final AuditTrail audit;
    private final AccessControl access;

    DossierRoutes(DossierLookup dossiers, AuditTrail audit, AccessControl access) {
        this.access = Objects.requireNonNull(access, "access");
        this.dossiers = Objects.requireNonNull(dossiers, "dossiers");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public void addTo(ServerBuilder server, String prefix) {
        server.route()
                .get(prefix + "/dossiers")
                .build(access.requires(Capability.SEARCH, Blocking.inline(this::search)));
        server.route()
                .get(prefix + "/dossiers/{number}")
                .build(access.requires(Capability.DOSSIER_READ, Blocking.service(this::read)));
    }

    private AggregatedHttpResponse search(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        QueryParams params = QueryParams.fromQueryString(ctx.query());
        String q = params.get("q", "");
        if (q.length() > MAX_QUERY || CONTROL.matcher(q).find()) {
            throw ApiException.badRequest(
                    "q must be at most " + MAX_QUERY + " characters without control characters", Map.of("field", "q"));
        }
        int limit = limit(params.get("limit"));
        if (q.isBlank()) {
            return Json.response(200, page(new SearchPage(0, true, 0, List.of())));
        }
        SearchQuery query = SearchQuery.of(q).page(0, limit);
        return Json.response(200, page(dossiers.search(query)));
    }

    private AggregatedHttpResponse read(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        String number = Optional.ofNullable(ctx.pathParam("number")).orElse("");
        if (!NUMBER.matcher(number).matches()) {
            throw ApiException.notFound("no such dossier");
        }
        Optional<OpenedDossier> opened = dossiers.open(number);
        if (opened.isEmpty()) {
            throw ApiException.notFound("no such dossier");
        }
        Session session = access.session(ctx);
        audit.record(AuditTrail.DOSSIER_READ, session.account().name(), Map.of(AuditTrail.DOSSIER, number));
        return Json.response(200, dossier(opened.get()));
    }

    private static int limit(String given) {
        if (given == null) {
            return 20;
        }
        try {
            int limit = Integer.parseInt(given);
            if (limit >= 1 && limit <= SearchQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("limit must be 1 to " + SearchQuery.MAX_LIMIT, Map.of("field", "limit"));
    }

    private static Map<String, Object> page(SearchPage page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("totalExact", page.totalExact());
        body.put("offset", page.offset());
        body.put("hits", page.hits().stream().map(DossierRoutes::hit).toList());
        return body;
    }

    private static Map<String, Object> hit(SearchHit hit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", hit.kind().name().toLowerCase(java.util.Locale.ROOT));
        body.put("id", hit.id());
        body.put("dossier", hit.dossier());
        body.put("displayName", hit.displayName());
        body.put("phones", hit.phones());
        body.put("maskedIban", hit.maskedIban());
        body.put("barcodes", hit.barcodes());
        body.put("service", hit.service());
        body.put("time", hit.time() == null ? null : hit.time().toString());
        return body;
    }

    /** The dossier; need to know (R11): the IBAN is shown masked, as in search results. */
    static Map<String, Object> dossier(OpenedDossier opened) {
        Dossier dossier = opened.dossier();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", dossier.number());
        body.put("version", dossier.version());
        body.put("name", dossier.name());
        body.put("firstName", dossier.firstName());
        body.put("displayName", dossier.displayName());
        body.put("phones", dossier.phones().stream().map(PhoneNumber::e164).toList());
        body.put("maskedIban", dossier.iban() == null ? null : dossier.iban().masked());
        body.put("email", dossier.email());
        body.put("notes", dossier.notes());
        body.put("service", dossier.service());
        body.put("calls", dossier.calls());
        body.put("created", dossier.created().toString());
        body.put("updated", dossier.updated().toString());
        body.put("history", opened.history().stream().map(DossierRoutes::hit).toList());
        return body;
    }
}
