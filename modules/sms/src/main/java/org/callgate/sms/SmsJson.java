package org.callgate.sms;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.callgate.core.sms.SmsMessage;

/**
 * The one JSON form of a message, shared by the outbox line and the webhook body so that a relay
 * reading the outbox and a gateway receiving the POST see the same fields:
 * {@code id, callId, to (E.164), serviceLine, language, text, createdAt (ISO-8601 UTC)}.
 *
 * <p>Written on one line: Jackson escapes every control character inside strings, so a text
 * with a line break cannot split an outbox entry.
 */
final class SmsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private SmsJson() {}

    /** The message as one UTF-8 JSON object, without a line break. */
    static byte[] toJson(SmsMessage message) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("id", message.id())
                .put("callId", message.callId())
                .put("to", message.to().e164())
                .put("serviceLine", message.serviceLine())
                .put("language", message.language())
                .put("text", message.text())
                .put("createdAt", message.createdAt().toString());
        // JsonNode.toString() is valid JSON (Jackson 2.10+); no checked exception to translate.
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code id} of one outbox line, or empty when the line is not such a JSON object. */
    static Optional<String> id(String line) {
        try {
            JsonNode id = MAPPER.readTree(line).path("id");
            return id.isTextual() ? Optional.of(id.textValue()) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }
}
