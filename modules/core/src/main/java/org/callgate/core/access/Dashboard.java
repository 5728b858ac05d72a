package org.callgate.core.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Calls and recordings per service per day (UTC), for the compliance dashboard: a banking service
 * must have every call recorded (R8); the others a sample (R6, R7, R14).
 *
 * @param days the days, oldest first
 * @param services one series per service, each with one value per day
 */
public record Dashboard(List<LocalDate> days, List<Series> services) {

    /**
     * One service's counts, aligned with {@link Dashboard#days()}.
     *
     * @param calls the calls started that day (their traces)
     * @param recorded the recordings of calls started that day
     */
    public record Series(String service, boolean banking, List<Long> calls, List<Long> recorded) {

        public Series {
            Objects.requireNonNull(service, "service");
            calls = List.copyOf(calls);
            recorded = List.copyOf(recorded);
            if (calls.size() != recorded.size()) {
                throw new IllegalArgumentException("one count of calls and of recordings per day");
            }
        }
    }

    public Dashboard {
        days = List.copyOf(days);
        services = List.copyOf(services);
    }
}
