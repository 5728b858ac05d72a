package org.callgate.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callgate.core.PhoneNumber;
import org.callgate.core.request.Deadlines;
import org.callgate.core.request.RightsRequest;

/**
 * A data-subject request as the API answers it (R12, R20, R22): its steps, the subject's
 * identifiers (shown only to compliance, who handle the request), and whether it is overdue or
 * due within a week by the server's clock. The schema is {@code RightsRequest} in openapi.json.
 */
final class RequestBodies {

    private RequestBodies() {}

    /** The request as the API shows it, with its deadline flags at {@code now}. */
    static Map<String, Object> of(RightsRequest r, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", r.id());
        body.put("type", r.type().word());
        body.put("status", r.status().word());
        body.put("received", r.received().toString());
        body.put("due", r.due().toString());
        body.put("overdue", Deadlines.overdue(r, now));
        body.put("dueSoon", Deadlines.dueSoon(r, now));
        body.put("via", r.via());
        body.put("openedBy", r.openedBy());
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put(
                "phones", r.subject().phones().stream().map(PhoneNumber::e164).toList());
        subject.put("dossiers", r.subject().dossiers());
        subject.put("name", r.subject().name());
        subject.put("email", r.subject().email());
        body.put("subject", subject);
        body.put(
                "verification",
                r.verification() == null
                        ? null
                        : Map.of(
                                "method",
                                r.verification().method(),
                                "by",
                                r.verification().by(),
                                "at",
                                r.verification().at().toString()));
        body.put(
                "extension",
                r.extension() == null
                        ? null
                        : Map.of(
                                "due",
                                r.extension().due().toString(),
                                "reason",
                                r.extension().reason(),
                                "by",
                                r.extension().by(),
                                "at",
                                r.extension().at().toString()));
        body.put(
                "closing",
                r.closing() == null
                        ? null
                        : Map.of(
                                "text",
                                r.closing().text(),
                                "by",
                                r.closing().by(),
                                "at",
                                r.closing().at().toString()));
        return body;
    }
}
