package org.callgate.records;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * Reads records back from the store and indexes them, with the legal hold the store holds now
 * (R19): the one path by which the index learns what the store has, for recovery and rebuild.
 */
final class StoredRecords {

    private final RecordingStore store;
    private final RecordIndex index;
    private final LegalHoldCheck holds;

    StoredRecords(RecordingStore store, RecordIndex index) {
        this(store, index, LegalHoldCheck.NONE);
    }

    StoredRecords(RecordingStore store, RecordIndex index, LegalHoldCheck holds) {
        this.store = store;
        this.index = index;
        this.holds = holds;
    }

    /**
     * Indexes the records under {@code key} (one, or a batch of traces); returns how many, 0 when
     * the store has no such object or it holds no record.
     */
    int index(ObjectKey key) throws StoreException, IOException {
        Optional<ObjectInfo> head = store.head(key);
        if (head.isEmpty()) {
            return 0;
        }
        boolean hold = head.get().legalHold();
        String value = key.value();
        if (value.startsWith(RecordKeys.DOSSIERS)) {
            Dossier dossier = RecordJson.dossier(read(key));
            index.put(dossier.withRetention(dossier.retention().withLegalHold(hold || holds.covers(dossier))));
            return 1;
        } else if (value.startsWith(RecordKeys.TRACES)) {
            List<CallTrace> traces = RecordJson.traces(read(key));
            // A batch is held for the traces a hold covers; held for no known hold, all of it stays held.
            boolean unexplained = hold && traces.stream().noneMatch(holds::covers);
            traces.forEach(trace -> index.put(
                    trace.withRetention(trace.retention().withLegalHold(unexplained || holds.covers(trace))), value));
            return traces.size();
        } else if (RecordKeys.isRecordingMetadata(key)) {
            byte[] json = read(key);
            RecordingRef ref = RecordJson.recording(json, hold);
            index.put(hold || !holds.covers(ref) ? ref : RecordJson.recording(json, true));
            return 1;
        }
        return 0;
    }

    byte[] read(ObjectKey key) throws StoreException, IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }
}
