package org.callgate.records;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * Compares the index with the store ({@code callgate reindex --check}): every dossier's latest
 * version, every call trace (of every batch) and every recording in the store must be in the index, and the index
 * must hold no more records of a kind than the store. Reads every key in the store: an operator's
 * tool and a test's, not something to run on every start.
 */
public final class IndexCheck {

    private static final int MAX_LISTED = 20;

    private final RecordingStore store;
    private final RecordIndex index;

    public IndexCheck(RecordingStore store, RecordIndex index) {
        this.store = store;
        this.index = index;
    }

    /** What the check found; {@code missing} lists at most twenty of the records the index lacks. */
    public record Result(
            long dossiers,
            long traces,
            long recordings,
            long indexDossiers,
            long indexTraces,
            long indexRecordings,
            long missingCount,
            List<String> missing) {

        public boolean consistent() {
            return missingCount == 0
                    && dossiers == indexDossiers
                    && traces == indexTraces
                    && recordings == indexRecordings;
        }
    }

    public Result run() throws StoreException, IOException {
        index.refresh();
        List<String> missing = new ArrayList<>();
        long[] missingCount = {0};
        List<ObjectKey> latest = RecordKeys.latestDossierVersions(store.list(RecordKeys.DOSSIERS));
        for (ObjectKey key : latest) {
            String number = RecordKeys.dossierNumber(key).orElseThrow();
            if (!index.dossierVersion(number).equals(Optional.of(RecordKeys.dossierVersion(key)))) {
                note(key.value(), missing, missingCount);
            }
        }
        long dossiers = latest.size();
        long traces = 0;
        StoredRecords stored = new StoredRecords(store, index);
        for (ObjectKey batch : store.list(RecordKeys.TRACES)) {
            for (var trace : RecordJson.traces(stored.read(batch))) {
                traces++;
                if (!indexed(trace.callId(), RecordKind.TRACE)) {
                    note(batch + " (" + trace.callId() + ")", missing, missingCount);
                }
            }
        }
        long recordings = 0;
        for (ObjectKey key : store.list(RecordKeys.RECORDINGS)) {
            if (RecordKeys.isRecordingMetadata(key)) {
                recordings++;
                if (!indexed(RecordKeys.recordingCallId(key), RecordKind.RECORDING)) {
                    note(key.value(), missing, missingCount);
                }
            }
        }
        return new Result(
                dossiers,
                traces,
                recordings,
                index.count(RecordKind.DOSSIER),
                index.count(RecordKind.TRACE),
                index.count(RecordKind.RECORDING),
                missingCount[0],
                missing);
    }

    private boolean indexed(String callId, RecordKind kind) {
        return index.search(SearchQuery.all().withCallId(callId).only(kind).page(0, 1))
                        .total()
                > 0;
    }

    private static void note(String what, List<String> missing, long[] missingCount) {
        missingCount[0]++;
        if (missing.size() < MAX_LISTED) {
            missing.add(what);
        }
    }
}
