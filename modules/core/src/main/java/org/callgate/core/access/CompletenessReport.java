package org.callgate.core.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether every banking call of a period has its recording as the law wants it (R8): one line per
 * banking call, from the traces in the store.
 *
 * @param from the period's start, inclusive
 * @param to its end, exclusive
 * @param calls every banking call started in the period, in time order
 */
public record CompletenessReport(Instant from, Instant to, List<Call> calls) {

    /**
     * One banking call and what was found.
     *
     * @param status the status token ({@code ok}, {@code not-answered}, {@code recorder-failed}, ...)
     * @param complete whether the status is complete (recorded as required, or no conversation)
     * @param meaning what the status means, for a compliance officer
     * @param detail what was found (an object key, a date), possibly empty
     */
    public record Call(
            String callId,
            String service,
            Instant time,
            String status,
            boolean complete,
            String meaning,
            String detail) {

        public Call {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(status, "status");
        }
    }

    public CompletenessReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        calls = List.copyOf(calls);
    }

    /** Whether every banking call is complete. */
    public boolean complete() {
        return calls.stream().allMatch(Call::complete);
    }

    /** How many calls have each status, in the order first found. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        calls.forEach(call -> counts.merge(call.status(), 1L, Long::sum));
        return counts;
    }
}
