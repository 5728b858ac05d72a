package org.callgate.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * The records of released legal holds are evidence (R18): kept 10 years from the release, then
 * destroyed like any record. An active hold's record is never due; a released one goes when both
 * its objects ({@code holds/<id>.json} and {@code holds/<id>.released.json}) are past retain-until
 * and not held. The register is small, so it is read from the store.
 */
final class DueHolds {

    static final String PREFIX = "holds/";
    static final String CLASS = "evidence";
    private static final String RELEASED = ".released.json";

    private DueHolds() {}

    /** Plan lines {@code H evidence <id>} for the released holds due at {@code now}. */
    static List<String> plan(RecordingStore store, Instant now) throws StoreException {
        List<String> lines = new ArrayList<>();
        for (ObjectKey key : store.list(PREFIX)) {
            if (!key.value().endsWith(RELEASED)) {
                continue;
            }
            String id = key.value().substring(PREFIX.length(), key.value().length() - RELEASED.length());
            if (due(store.head(key), now) && due(store.head(hold(id)), now)) {
                lines.add("H\t" + CLASS + "\t" + id);
            }
        }
        return lines;
    }

    static ObjectKey hold(String id) {
        return ObjectKey.of(PREFIX + id + ".json");
    }

    static ObjectKey release(String id) {
        return ObjectKey.of(PREFIX + id + RELEASED);
    }

    /** The markers that the hold was applied and its release lifted: they go with the hold. */
    static List<ObjectKey> markers(String id) {
        return List.of(ObjectKey.of(PREFIX + id + ".applied.json"), ObjectKey.of(PREFIX + id + ".lifted.json"));
    }

    private static boolean due(Optional<ObjectInfo> head, Instant now) {
        return head.isPresent()
                && !head.get().legalHold()
                && !head.get().retention().retainUntil().isAfter(now);
    }
}
