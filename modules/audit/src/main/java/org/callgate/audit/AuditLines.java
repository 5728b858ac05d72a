package org.callgate.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.callgate.store.Digests;

/**
 * The line format of the audit log (R11), written and checked in one place. A line is one compact
 * JSON object, fields in this order:
 *
 * <pre>{"seq":1,"time":"2026-11-25T10:15:30Z","action":"purge","actor":"purge","details":{...},"prev":"…","hash":"…"}</pre>
 *
 * <p>{@code hash} is the SHA-256 of the same object without its {@code hash} field, exactly as
 * written: the line's bytes up to {@code ,"hash":"…"} followed by {@code }}. Hashing the written
 * bytes, not a re-serialisation, leaves no doubt about number or key formatting. {@code prev} is
 * the SHA-256 of the previous line's exact bytes (without its newline), or {@link #GENESIS} for
 * the first entry: editing, deleting or moving a line breaks the link of the line after it.
 */
final class AuditLines {

    /** What the first entry's {@code prev} holds: the SHA-256 of {@code callgate-audit-genesis}. */
    static final String GENESIS = Digests.sha256Hex("callgate-audit-genesis".getBytes(StandardCharsets.UTF_8));

    private static final byte[] HASH_FIELD = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int HEX = 64;
    private static final int SUFFIX = HASH_FIELD.length + HEX + 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter DETAILS = JSON.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private AuditLines() {}

    /** An entry and its line (without the newline). */
    record Line(AuditEntry entry, byte[] bytes) {

        /** What the next entry's {@code prev} must hold. */
        String sha256() {
            return Digests.sha256Hex(bytes);
        }
    }

    /** A line that is not a well-formed audit entry; the message says what is wrong. */
    static final class MalformedLineException extends Exception {

        private static final long serialVersionUID = 1L;

        private final boolean edited;
        private final long claimedSeq;

        MalformedLineException(String message, boolean edited, long claimedSeq) {
            super(message);
            this.edited = edited;
            this.claimedSeq = claimedSeq;
        }

        MalformedLineException(String message) {
            this(message, false, 0);
        }

        /** Whether the line is a readable entry whose hash does not match its content. */
        boolean edited() {
            return edited;
        }

        /** The seq the line claims, 0 when it cannot be read. */
        long claimedSeq() {
            return claimedSeq;
        }
    }

    /** Writes the entry's line; its hash is computed here. Details are written with sorted keys. */
    static Line encode(long seq, Instant time, String action, String actor, Map<String, ?> details, String prev) {
        byte[] content = content(seq, time, action, actor, details, prev);
        String hash = Digests.sha256Hex(content);
        byte[] line = Arrays.copyOf(content, content.length - 1 + SUFFIX);
        int at = content.length - 1;
        System.arraycopy(HASH_FIELD, 0, line, at, HASH_FIELD.length);
        byte[] tail = (hash + "\"}").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, line, at + HASH_FIELD.length, tail.length);
        return new Line(new AuditEntry(seq, time, action, actor, new TreeMap<>(details), prev, hash), line);
    }

    /**
     * Reads a line and checks its own hash; the chain ({@code seq}, {@code prev}) is the caller's.
     *
     * @throws MalformedLineException when it is not an entry, or its hash does not match its content
     */
    static Line decode(byte[] line) throws MalformedLineException {
        JsonNode node = parse(line);
        String hash = text(node, "hash");
        if (line.length < SUFFIX + 2
                || !Arrays.equals(
                        line,
                        line.length - SUFFIX,
                        line.length - SUFFIX + HASH_FIELD.length,
                        HASH_FIELD,
                        0,
                        HASH_FIELD.length)
                || !hash.matches("[0-9a-f]{64}")) {
            throw new MalformedLineException("its hash is not the last field, as written");
        }
        if (!Digests.sha256Hex(content(line)).equals(hash)) {
            throw new MalformedLineException(
                    "edited: its hash does not match its content",
                    true,
                    node.path("seq").asLong(0));
        }
        return new Line(entry(node, hash), line);
    }

    private static AuditEntry entry(JsonNode node, String hash) throws MalformedLineException {
        try {
            Map<String, Object> details = JSON.convertValue(node.path("details"), MAP);
            return new AuditEntry(
                    node.path("seq").asLong(0),
                    Instant.parse(text(node, "time")),
                    text(node, "action"),
                    text(node, "actor"),
                    details == null ? Map.of() : details,
                    text(node, "prev"),
                    hash);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedLineException(e.getMessage());
        }
    }

    private static JsonNode parse(byte[] line) throws MalformedLineException {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new MalformedLineException("not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedLineException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedLineException("not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) throws MalformedLineException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedLineException("no " + field);
        }
        return value.textValue();
    }

    /** The hashed content: the line without {@code ,"hash":"…"}. */
    private static byte[] content(byte[] line) {
        byte[] content = Arrays.copyOf(line, line.length - SUFFIX + 1);
        content[content.length - 1] = '}';
        return content;
    }

    private static byte[] content(
            long seq, Instant time, String action, String actor, Map<String, ?> details, String prev) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("seq", seq);
            json.writeStringField("time", time.toString());
            json.writeStringField("action", action);
            json.writeStringField("actor", actor);
            json.writeFieldName("details");
            DETAILS.writeValue(json, new TreeMap<>(details));
            json.writeStringField("prev", prev);
            json.writeEndObject();
        } catch (IOException e) {
            // Nothing but the mapping can fail: the bytes go to memory.
            throw new IllegalArgumentException("an audit entry's details are not JSON values: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
