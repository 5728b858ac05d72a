package org.callgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reading request bodies: a JSON object, its fields typed, and a 400 naming the field otherwise. */
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
        throw ApiException.badRequest("the body must be a JSON object", Map.of());
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
