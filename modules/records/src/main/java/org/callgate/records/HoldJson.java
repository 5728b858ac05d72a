package org.callgate.records;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A legal hold as stored: one JSON object, ISO-8601 instants. */
final class HoldJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private HoldJson() {}

    static byte[] bytes(LegalHold hold) {
        try {
            return JSON.writeValueAsBytes(hold);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LegalHold hold(byte[] json) throws IOException {
        return JSON.readValue(json, LegalHold.class);
    }
}
