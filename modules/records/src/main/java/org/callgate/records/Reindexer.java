package org.callgate.records;

import java.io.IOException;
import java.util.List;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the index from the store ({@code callgate reindex}): the index is derived (DESIGN §2),
 * so a lost, corrupt or outdated index is emptied and filled again from every dossier (its latest
 * version), call trace and recording metadata in the store, with their current legal holds.
 */
public final class Reindexer {

    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

    private final RecordingStore store;
    private final RecordIndex index;
    private final LegalHoldCheck holds;

    public Reindexer(RecordingStore store, RecordIndex index) {
        this(store, index, LegalHoldCheck.NONE);
    }

    /** @param holds the register of legal holds, for the index flag of each trace in a held batch (R19) */
    public Reindexer(RecordingStore store, RecordIndex index, LegalHoldCheck holds) {
        this.store = store;
        this.index = index;
        this.holds = holds;
    }

    /** What a rebuild indexed. */
    public record Counts(long dossiers, long traces, long recordings) {
        public long total() {
            return dossiers + traces + recordings;
        }
    }

    public Counts rebuild() throws StoreException, IOException {
        StoredRecords stored = new StoredRecords(store, index, holds);
        index.deleteAll();
        index.appendOnly(true);
        try {
            return fill(stored);
        } finally {
            index.appendOnly(false);
        }
    }

    private Counts fill(StoredRecords stored) throws StoreException, IOException {
        long dossiers = indexAll(stored, RecordKeys.latestDossierVersions(store.list(RecordKeys.DOSSIERS)));
        long traces = indexAll(stored, store.list(RecordKeys.TRACES));
        long recordings = indexAll(
                stored,
                store.list(RecordKeys.RECORDINGS).stream()
                        .filter(RecordKeys::isRecordingMetadata)
                        .toList());
        index.commit();
        index.refresh();
        Counts counts = new Counts(dossiers, traces, recordings);
        LOG.info(
                "index rebuilt from the store: {} dossiers, {} call traces, {} recordings",
                dossiers,
                traces,
                recordings);
        return counts;
    }

    private static long indexAll(StoredRecords stored, List<ObjectKey> keys) throws StoreException, IOException {
        long count = 0;
        for (ObjectKey key : keys) {
            count += stored.index(key);
        }
        return count;
    }
}
