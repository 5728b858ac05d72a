package org.callgate.records;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.callgate.core.request.RightsRequest;

/** A data-subject request as stored: one JSON object per step, ISO-8601 instants. */
final class RequestJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RequestJson() {}

    static byte[] bytes(RightsRequest request) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RightsRequest request(byte[] json) throws IOException {
        return JSON.readValue(json, RightsRequest.class);
    }
}
