package org.callgate.core.request;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The deadlines of R20 (GDPR art. 12(3)): a request is answered within one month of its receipt;
 * that may be extended by two further months, with the reasons given to the requester. Months are
 * calendar months in UTC (received on 31 January, due on 28 or 29 February).
 */
public final class Deadlines {

    /** What "due this week" means for the lists and the metric. */
    public static final Duration SOON = Duration.ofDays(7);

    private static final int ANSWER_MONTHS = 1;
    private static final int EXTENSION_MONTHS = 2;

    private Deadlines() {}

    /** One month after receipt. */
    public static Instant due(Instant received) {
        return received.atOffset(ZoneOffset.UTC).plusMonths(ANSWER_MONTHS).toInstant();
    }

    /** The latest an extension may set: three months after receipt. */
    public static Instant latest(Instant received) {
        return received.atOffset(ZoneOffset.UTC)
                .plusMonths(ANSWER_MONTHS + EXTENSION_MONTHS)
                .toInstant();
    }

    /** Not answered or refused, and past its due date. */
    public static boolean overdue(RightsRequest request, Instant now) {
        return !request.status().closed() && now.isAfter(request.due());
    }

    /** Not closed, not overdue, and due within {@link #SOON}. */
    public static boolean dueSoon(RightsRequest request, Instant now) {
        return !request.status().closed()
                && !overdue(request, now)
                && !request.due().isAfter(now.plus(SOON));
    }
}
