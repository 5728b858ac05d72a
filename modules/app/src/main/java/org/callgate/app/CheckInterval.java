package org.callgate.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The period a compliance check covers, {@code [from, to)} in UTC, from what an officer types: a
 * date ({@code 2026-11-25}: from its start, or to its end, so {@code --from 2026-11-25 --to
 * 2026-11-25} is that whole day) or an ISO-8601 instant ({@code 2026-11-25T10:00:00Z}).
 */
record CheckInterval(Instant from, Instant to) {

    /** A bad argument, with a one-line reason naming the option and the value. */
    static final class BadArgument extends Exception {
        BadArgument(String message) {
            super(message);
        }
    }

    static CheckInterval parse(String from, String to) throws BadArgument {
        if (from == null || to == null) {
            throw new BadArgument("compliance check needs --from and --to (a date such as 2026-11-25, or an instant"
                    + " such as 2026-11-25T10:00:00Z)");
        }
        Instant start = instant("--from", from, false);
        Instant end = instant("--to", to, true);
        if (!start.isBefore(end)) {
            throw new BadArgument("--from " + from + " is not before --to " + to);
        }
        return new CheckInterval(start, end);
    }

    private static Instant instant(String option, String text, boolean endOfDay) throws BadArgument {
        try {
            if (!text.contains("T")) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadArgument(
                    option + " '" + text + "': not a date (2026-11-25) or an instant" + " (2026-11-25T10:00:00Z)");
        }
    }
}
