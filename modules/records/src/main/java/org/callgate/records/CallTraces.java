package org.callgate.records;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.callgate.core.dossier.CallTrace;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * The call traces (R1) of a time interval, read from the store's day batches
 * ({@code traces/yyyy/MM/dd/}) rather than from the index: the store is the source of truth, and
 * a check that must prove every banking call was recorded (R8) must not miss a call because the
 * index is behind or was rebuilt.
 */
public final class CallTraces {

    private final RecordingStore store;

    public CallTraces(RecordingStore store) {
        this.store = store;
    }

    /**
     * The traces of calls that started in {@code [from, to)}, in order of their start.
     *
     * @throws IOException when a batch in the store is not a batch of traces
     */
    public List<CallTrace> between(Instant from, Instant to) throws StoreException, IOException {
        if (!from.isBefore(to)) {
            return List.of();
        }
        List<CallTrace> found = new ArrayList<>();
        LocalDate last = to.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day = from.atOffset(ZoneOffset.UTC).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (ObjectKey batch : store.list(
                    RecordKeys.traceDay(day.atStartOfDay(ZoneOffset.UTC).toInstant()))) {
                for (CallTrace trace : RecordJson.traces(read(batch))) {
                    if (!trace.time().isBefore(from) && trace.time().isBefore(to)) {
                        found.add(trace);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(CallTrace::time).thenComparing(CallTrace::callId));
        return found;
    }

    private byte[] read(ObjectKey key) throws StoreException, IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }
}
