package org.callgate.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Query parameters read strictly: a bad value gets a 400 naming the parameter ({@code details.field}). */
final class Queries {

    private Queries() {}

    /** A whole number from {@code min} to {@code max}, or {@code absent} when the parameter is not given. */
    static long number(String given, String field, long min, long max, long absent) {
        if (given == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(given);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        String range = max == Long.MAX_VALUE ? min + " or more" : min + " to " + max;
        throw ApiException.badRequest(field + " must be a whole number, " + range, Map.of("field", field));
    }

    /** A date {@code YYYY-MM-DD}, or {@code absent} when the parameter is not given. */
    static LocalDate date(String given, String field, LocalDate absent) {
        if (given == null) {
            return absent;
        }
        try {
            if (given.length() == 10) {
                return LocalDate.parse(given);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiException.badRequest(field + " must be a date, YYYY-MM-DD", Map.of("field", field));
    }
}
