package org.callgate.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;

/**
 * Reads {@link Durations} syntax into {@link Duration}; a bad value fails with
 * {@link Durations#REASON}, which {@link JacksonErrors} shows to the operator.
 */
final class DurationDeserializer extends StdScalarDeserializer<Duration> {

    DurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.currentToken().isScalarValue()) {
            return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
        }
        String text = p.getText();
        return Durations.parse(text)
                .orElseThrow(() -> ctxt.weirdStringException(text, Duration.class, Durations.REASON));
    }
}
