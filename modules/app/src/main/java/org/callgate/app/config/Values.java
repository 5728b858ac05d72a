package org.callgate.app.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shows a configuration value in an error message the way an operator would write it: text in
 * single quotes, numbers and durations bare, a mapping as {@code {...}}, a key that is not there
 * as {@code (none)}.
 */
final class Values {

    static final String NONE = "(none)";

    private static final int MAX_LENGTH = 60;

    private Values() {}

    static String show(Object value) {
        return switch (value) {
            case null -> NONE;
            case String text -> "'" + oneLine(text) + "'";
            case Duration duration -> Durations.format(duration);
            case List<?> list -> list.stream().map(Values::bare).collect(Collectors.joining(", ", "[", "]"));
            case Map<?, ?> map -> map.isEmpty() ? "{}" : "{...}";
            case Record _ -> "{...}"; // a section or menu option: a mapping in the file
            default -> String.valueOf(value);
        };
    }

    private static String bare(Object value) {
        return value instanceof String text ? oneLine(text) : show(value);
    }

    /** Keeps the error on one line and readable whatever was pasted into the file. */
    private static String oneLine(String text) {
        String escaped = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return escaped.length() <= MAX_LENGTH ? escaped : escaped.substring(0, MAX_LENGTH) + "...";
    }
}
