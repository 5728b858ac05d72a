package org.callgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading request bodies: a JSON object (of known fields only, where a route says which, so that a
 * typo in a field name is not silently a missing value), its fields typed, and a 400 naming the
 * field ({@code details.field}) otherwise.
 */
final class JsonBodies {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private JsonBodies() {}

    static JsonNode object(AggregatedHttpRequest req) {
        try {
            JsonNode body = Json.MAPPER.readTree(req.contentUtf8());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            // answered below
        }
        throw ApiException.badRequest("the body must be a JSON object", Map.of("field", "body"));
    }

    /** The body as an object whose fields are all among {@code known}. */
    static JsonNode object(AggregatedHttpRequest req, Set<String> known) {
        JsonNode body = object(req);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiException.badRequest("unknown field " + name, Map.of("field", name));
            }
        }
        return body;
    }

    /** As {@link #object(AggregatedHttpRequest, Set)}, an empty body standing for {@code {}}. */
    static JsonNode objectOrEmpty(AggregatedHttpRequest req, Set<String> known) {
        if (req.content().isEmpty() || req.contentUtf8().isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        return object(req, known);
    }

    /** A text field that must be there: as {@link #text}, and a 400 when absent, null or blank. */
    static String required(JsonNode body, String field, int max) {
        String text = text(body, field, max);
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(field + " is required", Map.of("field", field));
        }
        return text;
    }

    /**
     * A text field that must be there, as given: a 400 when absent, null, not text or longer than
     * {@code max}; blank or control characters are for the route to judge (a 422 of its own).
     */
    static String present(JsonNode body, String field, int max) {
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

    /** The field as text, or null when absent or null; a 400 when it is another type or too long. */
    static String text(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + " must be a string", Map.of("field", field));
        }
        String text = value.asText();
        if (text.length() > max || CONTROL.matcher(text).find()) {
            throw ApiException.badRequest(
                    field + " must be at most " + max + " characters without control characters",
                    Map.of("field", field));
        }
        return text;
    }

    /** The field as a list of strings, empty when absent. */
    static List<String> texts(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > 20) {
            throw ApiException.badRequest(field + " must be an array of at most 20 strings", Map.of("field", field));
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().length() > max) {
                throw ApiException.badRequest(
                        field + " must hold strings of at most " + max + " characters", Map.of("field", field));
            }
            texts.add(item.asText());
        }
        return texts;
    }
}
