package org.callgate.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * The records of data-subject requests ({@code records.RightsRequests}: {@code
 * requests/<id>/<step>-<status>.json}, class {@value #CLASS}) are destroyed like any record when
 * their retention ends: a request goes when it is closed (answered or refused: a request still
 * open is never due) and every one of its step objects is past retain-until and not held. The
 * register is small, so it is read from the store.
 */
final class DueRequests {

    static final String PREFIX = "requests/";
    static final String CLASS = "request";

    private DueRequests() {}

    /** Plan lines {@code Q request <id>} for the closed requests due at {@code now}. */
    static List<String> plan(RecordingStore store, Instant now) throws StoreException {
        Map<String, List<ObjectKey>> steps = new LinkedHashMap<>();
        for (ObjectKey key : store.list(PREFIX)) {
            String rest = key.value().substring(PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                steps.computeIfAbsent(rest.substring(0, slash), id -> new ArrayList<>())
                        .add(key);
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<ObjectKey>> request : steps.entrySet()) {
            if (closed(request.getValue()) && allDue(store, request.getValue(), now)) {
                lines.add("Q\t" + CLASS + "\t" + request.getKey());
            }
        }
        return lines;
    }

    /** The step objects of request {@code id}. */
    static List<ObjectKey> steps(RecordingStore store, String id) throws StoreException {
        return store.list(PREFIX + id + "/");
    }

    private static boolean closed(List<ObjectKey> steps) {
        return steps.stream()
                .map(ObjectKey::value)
                .anyMatch(name -> name.endsWith("-answered.json") || name.endsWith("-refused.json"));
    }

    private static boolean allDue(RecordingStore store, List<ObjectKey> steps, Instant now) throws StoreException {
        for (ObjectKey step : steps) {
            if (!due(store.head(step), now)) {
                return false;
            }
        }
        return true;
    }

    private static boolean due(Optional<ObjectInfo> head, Instant now) {
        return head.isPresent()
                && !head.get().legalHold()
                && !head.get().retention().retainUntil().isAfter(now);
    }
}
