package org.callgate.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import java.io.UncheckedIOException;

/** JSON bodies: one mapper for the module, responses typed {@code application/json; charset=utf-8}. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static AggregatedHttpResponse response(int status, Object body) {
        return AggregatedHttpResponse.of(HttpStatus.valueOf(status), MediaType.JSON_UTF_8, bytes(body));
    }

    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
