package org.callgate.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.Iban;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.RecordingRef;

/**
 * The JSON form of records in the store: numbers as E.164 strings, IBANs in full (the store is
 * where the dossier lives), instants in ISO-8601. A record found in the store explains itself
 * without the index, and the index can be rebuilt from it.
 */
final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("callgate-values")
                    .addSerializer(PhoneNumber.class, text(PhoneNumber::e164))
                    .addDeserializer(PhoneNumber.class, parsed(PhoneNumber::parse))
                    .addSerializer(Iban.class, text(Iban::value))
                    .addDeserializer(Iban.class, parsed(Iban::parse)))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RecordJson() {}

    static byte[] bytes(Object record) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException("a record is always serialisable", e);
        }
    }

    static Dossier dossier(byte[] json) throws IOException {
        return JSON.readValue(json, Dossier.class);
    }

    /** Traces as JSON Lines: one compact JSON object a line. */
    static byte[] traceLines(List<CallTrace> traces) {
        try {
            StringBuilder lines = new StringBuilder(traces.size() * 512);
            for (CallTrace trace : traces) {
                lines.append(JSON.writeValueAsString(trace)).append('\n');
            }
            return lines.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a record is always serialisable", e);
        }
    }

    static List<CallTrace> traces(byte[] lines) throws IOException {
        List<CallTrace> traces = new ArrayList<>();
        for (String line : new String(lines, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                traces.add(JSON.readValue(line, CallTrace.class));
            }
        }
        return traces;
    }

    /**
     * The call ids of a batch of traces, in order, without reading the rest of each trace: what
     * the purge needs to know whether a whole batch is due.
     *
     * @throws IOException when a line is not a JSON object with a {@code callId}
     */
    static List<String> callIds(byte[] lines) throws IOException {
        List<String> ids = new ArrayList<>();
        int start = 0;
        for (int end = 0; end <= lines.length; end++) {
            if (end == lines.length || lines[end] == '\n') {
                if (end > start && !new String(lines, start, end - start, StandardCharsets.UTF_8).isBlank()) {
                    ids.add(callId(lines, start, end - start));
                }
                start = end + 1;
            }
        }
        return ids;
    }

    private static String callId(byte[] bytes, int offset, int length) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a trace line is not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("callId") && parser.currentToken() == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            throw new IOException("a trace line has no callId");
        }
    }

    /** A recording's metadata JSON, as the recording uploader stores it next to the audio (R4). */
    static RecordingRef recording(byte[] json, boolean legalHold) throws IOException {
        JsonNode node = JSON.readTree(json);
        String caller = text(node, "caller");
        return new RecordingRef(
                node.path("callId").asText(),
                node.path("audioKey").asText(),
                caller == null ? null : PhoneNumber.tryParse(caller).orElse(null),
                node.path("service").asText(),
                Instant.parse(node.path("start").asText()),
                node.path("durationMillis").asLong(),
                node.path("incomplete").asBoolean(),
                text(node, "dossier"),
                new RecordRetention(
                        node.path("retentionClass").asText(),
                        Instant.parse(node.path("retainUntil").asText()),
                        legalHold));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static <T> JsonSerializer<T> text(Function<T, String> form) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(form.apply(value));
            }
        };
    }

    private static <T> JsonDeserializer<T> parsed(Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return parse.apply(in.getValueAsString());
            }
        };
    }
}
