package org.callgate.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * The restriction marks ({@code records.Restrictions}: {@code restrictions/<kind>/<id>.json}, R12)
 * go with their records: a mark is destroyed when its record is gone (erased, or purged by an
 * earlier run), or when it is past the record's retain-until, which it copies, and the record is
 * not held (R19), so that the run that purges a record purges its mark too. A mark holds no
 * personal data; it is only kept no longer than what it marks.
 */
final class DueRestrictions {

    static final String PREFIX = "restrictions/";
    static final String CLASS = "restriction";

    private DueRestrictions() {}

    /** Plan lines {@code S restriction <key>} for the marks due at {@code now}. */
    static List<String> plan(RecordingStore store, RecordIndex index, Instant now) throws StoreException {
        List<String> lines = new ArrayList<>();
        for (ObjectKey key : store.list(PREFIX)) {
            String[] parts = key.value().substring(PREFIX.length()).split("/", 2);
            if (parts.length < 2 || !parts[1].endsWith(".json")) {
                continue;
            }
            String id = parts[1].substring(0, parts[1].length() - ".json".length());
            Optional<ObjectInfo> head = store.head(key);
            if (head.isPresent() && due(store, index, parts[0], id, head.get(), now)) {
                lines.add("S\t" + CLASS + "\t" + key.value());
            }
        }
        return lines;
    }

    private static boolean due(
            RecordingStore store, RecordIndex index, String kind, String id, ObjectInfo mark, Instant now)
            throws StoreException {
        Optional<IndexedRecord> record = switch (kind) {
            case "dossier" ->
                store.list("dossiers/" + id + "/").isEmpty()
                        ? Optional.empty()
                        : index.linkedTo(id).stream()
                                .filter(r -> r.kind() == RecordKind.DOSSIER)
                                .findFirst()
                                .or(() -> Optional.of(unindexed(id)));
            case "trace" -> of(index, id, RecordKind.TRACE);
            case "recording" -> of(index, id, RecordKind.RECORDING);
            default -> Optional.of(unindexed(id)); // a survey's: not indexed, dated by the mark
        };
        boolean markDue = !mark.legalHold() && !mark.retention().retainUntil().isAfter(now);
        return record.isEmpty() || markDue && !record.get().legalHold();
    }

    private static Optional<IndexedRecord> of(RecordIndex index, String callId, RecordKind kind) {
        return index.ofCall(callId).stream().filter(r -> r.kind() == kind).findFirst();
    }

    /** A record that exists but that the index does not describe: not known to be held. */
    private static IndexedRecord unindexed(String id) {
        return new IndexedRecord(RecordKind.DOSSIER, id, CLASS, Instant.MAX, false, null);
    }
}
