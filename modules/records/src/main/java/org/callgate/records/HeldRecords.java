package org.callgate.records;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * Places and lifts legal holds on the records already stored (R19): the S3 legal hold on every
 * object a hold covers (a dossier's versions, the batches of its traces, its recordings' audio and
 * metadata) and the index flag at the same time, not at the next rebuild. On release, an object
 * stays held while another active hold still covers it.
 */
public final class HeldRecords {

    private final RecordingStore store;
    private final RecordIndex index;
    private final LegalHolds holds;
    private final StoredRecords stored;

    public HeldRecords(RecordingStore store, RecordIndex index, LegalHolds holds) {
        this.store = store;
        this.index = index;
        this.holds = holds;
        this.stored = new StoredRecords(store, index, holds);
    }

    /** What applying or lifting a hold touched: the hold, and how many records and objects. */
    public record Outcome(LegalHold hold, int records, int objects, List<String> notFound) {}

    /** Places a new hold and holds everything stored that it covers. */
    public Outcome place(LegalHold.Scope scope, String value, String caseId, String reason, String actor)
            throws StoreException, IOException {
        return finish(holds.place(scope, value, caseId, reason, actor));
    }

    /** Releases a hold and lifts the store's hold on what no other active hold covers. */
    public Outcome release(String id, String actor) throws StoreException, IOException {
        return finish(holds.release(id, actor));
    }

    /**
     * Finishes what a crash left half done: holds placed but not on every object yet, releases not
     * lifted from every object yet. Each step is idempotent. Returns how many holds it finished.
     */
    public int resume() throws StoreException, IOException {
        List<LegalHold> unfinished = holds.unfinished();
        for (LegalHold hold : unfinished) {
            finish(hold);
        }
        return unfinished.size();
    }

    private Outcome finish(LegalHold hold) throws StoreException, IOException {
        Outcome outcome = apply(hold, hold.active());
        holds.finished(hold);
        return outcome;
    }

    private Outcome apply(LegalHold hold, boolean on) throws StoreException, IOException {
        List<IndexedRecord> records = covered(hold);
        Set<ObjectKey> keys = new LinkedHashSet<>();
        List<String> notFound = new ArrayList<>();
        for (IndexedRecord record : records) {
            keys.addAll(keysOf(record, notFound));
        }
        int objects = 0;
        for (ObjectKey key : keys) {
            boolean held = on || stillCovered(key);
            try {
                store.setLegalHold(key, held);
                objects++;
            } catch (ObjectNotFoundException e) {
                notFound.add(key.value());
                continue;
            }
            stored.index(key); // the index flag from the register, now
        }
        index.refresh();
        return new Outcome(hold, records.size(), objects, notFound);
    }

    /** What the index knows the hold covers; a dossier's calls count even when linked after the call. */
    List<IndexedRecord> covered(LegalHold hold) throws StoreException, IOException {
        return switch (hold.scope()) {
            case DOSSIER -> {
                List<IndexedRecord> all = new ArrayList<>(index.linkedTo(hold.value()));
                for (String call : dossierCalls(hold.value())) {
                    all.addAll(index.ofCall(call));
                }
                yield all;
            }
            case CALLER -> index.ofCaller(PhoneNumber.parse(hold.value()));
            case RECORDING ->
                index.ofCall(hold.value()).stream()
                        .filter(r -> r.kind() == RecordKind.RECORDING)
                        .toList();
        };
    }

    private List<String> dossierCalls(String number) throws StoreException, IOException {
        List<ObjectKey> versions = store.list(RecordKeys.DOSSIERS + number + "/");
        if (versions.isEmpty()) {
            return List.of();
        }
        return RecordJson.dossier(stored.read(versions.getLast())).calls();
    }

    private List<ObjectKey> keysOf(IndexedRecord record, List<String> notFound) throws StoreException {
        return switch (record.kind()) {
            case DOSSIER -> store.list(RecordKeys.DOSSIERS + record.id() + "/");
            case TRACE -> {
                if (record.storeKey() == null) {
                    notFound.add("trace " + record.id() + " (no batch key in the index: run reindex)");
                    yield List.of();
                }
                yield List.of(ObjectKey.of(record.storeKey()));
            }
            case RECORDING -> {
                ObjectKey audio = ObjectKey.of(record.storeKey());
                yield List.of(audio, RecordKeys.recordingMetadata(audio));
            }
        };
    }

    /** Whether an active hold still covers something the object holds. */
    private boolean stillCovered(ObjectKey key) throws StoreException, IOException {
        String value = key.value();
        if (value.startsWith(RecordKeys.DOSSIERS)) {
            Dossier dossier = RecordJson.dossier(stored.read(key));
            return holds.covers(dossier);
        }
        if (value.startsWith(RecordKeys.TRACES)) {
            List<CallTrace> traces = RecordJson.traces(stored.read(key));
            return traces.stream().anyMatch(holds::covers);
        }
        ObjectKey metadata = value.endsWith(".wav") ? RecordKeys.recordingMetadata(key) : key;
        return holds.covers(RecordJson.recording(stored.read(metadata), false));
    }
}
