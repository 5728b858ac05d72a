package org.callgate.core.request;

import java.util.Map;
import java.util.Objects;

/**
 * What carrying out a request did (R12, R20): the words for the answer, and the report kept with
 * the request as proof, record by record (what went; what stayed, why, and whether it is now
 * restricted).
 *
 * @param report as stored beside the request, JSON-ready
 */
public record RequestOutcome(String text, Map<String, Object> report) {

    public RequestOutcome {
        Objects.requireNonNull(text, "text");
        report = Map.copyOf(report);
    }
}
