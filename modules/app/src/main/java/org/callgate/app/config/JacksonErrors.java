package org.callgate.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns Jackson and YAML parser failures into {@link ConfigError}s an operator can act on.
 *
 * <p>Jackson's own messages name Java classes and {@code (StringReader)} instead of keys and the
 * file, so the reason is chosen here from the exception type and the target
 * type, the key path is rebuilt in YAML terms and the position and value come from the
 * {@link SourceMap}. Nothing of Jackson's message text reaches the operator except the YAML
 * parser's own short problem description.
 */
final class JacksonErrors {

    private JacksonErrors() {}

    /** A YAML syntax error: position and the parser's short reason. */
    static ConfigException syntax(JsonProcessingException e, String file) {
        MarkedYAMLException marked = markedCause(e);
        if (marked != null && marked.getProblemMark() != null && marked.getProblem() != null) {
            Mark mark = marked.getProblemMark();
            return new ConfigException(
                    ConfigError.syntax(
                            file, mark.getLine() + 1, mark.getColumn() + 1, "invalid YAML: " + marked.getProblem()),
                    e);
        }
        JsonLocation at = e.getLocation() == null ? JsonLocation.NA : e.getLocation();
        String reason =
                "invalid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("");
        return new ConfigException(
                ConfigError.syntax(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), reason), e);
    }

    /** A value that does not fit its key: unknown key, wrong type, bad duration, empty list entry. */
    static ConfigException binding(JsonMappingException e, SourceMap source) {
        String path = KeyPaths.of(e.getPath());
        ConfigError error = e instanceof UnrecognizedPropertyException unknown
                ? source.errorAtKey(path, "unknown key; allowed: " + allowed(unknown))
                : source.errorAt(path, Values.NONE, reason(e));
        return new ConfigException(error, e);
    }

    private static String allowed(UnrecognizedPropertyException unknown) {
        return unknown.getKnownPropertyIds().stream()
                .map(String::valueOf)
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static String reason(JsonMappingException e) {
        return switch (e) {
            case InvalidNullException empty -> "empty entry; give a value or remove the entry";
            case InvalidFormatException bad
            when isInteger(bad.getTargetType()) && bad.getValue() instanceof Number -> "not a whole number";
            case MismatchedInputException mismatch -> expected(mismatch.getTargetType());
            default -> e.getCause() instanceof InputCoercionException ? "number out of range" : "invalid value";
        };
    }

    private static String expected(Class<?> type) {
        if (isInteger(type) || type == Double.class || type == double.class) {
            return "not a number";
        } else if (type == Duration.class) {
            return Durations.REASON;
        } else if (type == Transport.class) {
            return "not a transport; allowed: " + Transport.allowed();
        } else if (type == SmsConfig.Sender.class) {
            return "not a sender; allowed: " + SmsConfig.Sender.allowed();
        } else if (type == String.class) {
            return "expected text";
        } else if (type != null && Collection.class.isAssignableFrom(type)) {
            return "expected a list";
        } else if (type != null && (type.isRecord() || Map.class.isAssignableFrom(type))) {
            return "expected a mapping of keys";
        }
        return "invalid value";
    }

    private static boolean isInteger(Class<?> type) {
        return type == Integer.class || type == int.class;
    }

    private static MarkedYAMLException markedCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }
}
