package org.callgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads a request body as one JSON object of known fields, strictly: not JSON, not an object, an
 * unknown field, a missing or non-text field each get a 400 naming the field ({@code
 * details.field}), so that a typo in a field name is not silently a missing value.
 */
final class StrictJsonBody {

    private StrictJsonBody() {}

    /** The body as an object whose fields are all among {@code known}. */
    static JsonNode object(AggregatedHttpRequest req, Set<String> known) {
        String content = req.contentUtf8();
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(content);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not JSON", Map.of("field", "body"));
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object", Map.of("field", "body"));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiException.badRequest("unknown field " + name, Map.of("field", name));
            }
        }
        return body;
    }

    /** As {@link #object}, an empty body standing for {@code {}}. */
    static JsonNode objectOrEmpty(AggregatedHttpRequest req, Set<String> known) {
        if (req.content().isEmpty() || req.contentUtf8().isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        return object(req, known);
    }

    /** A required text field of at most {@code max} characters. */
    static String text(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(field + " is required", Map.of("field", field));
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + " must be a string", Map.of("field", field));
        }
        if (value.textValue().length() > max) {
            throw ApiException.badRequest(field + " is longer than " + max + " characters", Map.of("field", field));
        }
        return value.textValue();
    }
}
