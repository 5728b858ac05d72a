package org.callgate.records;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;

/**
 * Takes call traces out of their batch (R1): the batch is one write-once store object, so when
 * only some of its traces are due (the others are held, R19, or not due yet) it is written again
 * without them under a new key and the old object goes. Each step is idempotent, so a purge that
 * stopped half-way does the rest when run again.
 */
public final class TraceBatches {

    private final RecordingStore store;
    private final RecordIndex index;
    private final StoredRecords stored;

    /** @param holds which traces staying in a rewritten batch are held, for their index flag */
    public TraceBatches(RecordingStore store, RecordIndex index, LegalHoldCheck holds) {
        this.store = store;
        this.index = index;
        this.stored = new StoredRecords(store, index, holds);
    }

    /** What removing traces from a batch did: how many went, and the batch the others now live in. */
    public record Removal(int removed, int kept, Optional<ObjectKey> rewrittenAs) {}

    /**
     * Removes the traces {@code due} from the batch at {@code batch}, writing those that stay to
     * {@code <batch>-<run>.jsonl}; the index entries of the removed traces go too. A batch already
     * gone counts as done.
     *
     * @param run names the rewritten batch, the same on every attempt of one purge run
     */
    public Removal remove(ObjectKey batch, Set<String> due, String run) throws StoreException, IOException {
        Optional<ObjectInfo> head = store.head(batch);
        if (head.isEmpty()) { // done before a crash: the index may have lost what the rewrite indexed
            ObjectKey rewritten = rewrittenKey(batch, run);
            index.delete(RecordKind.TRACE, due);
            if (stored.index(rewritten) > 0) {
                return new Removal(due.size(), 0, Optional.of(rewritten));
            }
            return new Removal(due.size(), 0, Optional.empty());
        }
        byte[] lines = stored.read(batch);
        List<String> ids = RecordJson.callIds(lines);
        Optional<ObjectKey> rewritten = Optional.empty();
        int staying = 0;
        if (!due.containsAll(ids)) { // some stay: only then is every trace read, to write them again
            List<CallTrace> stay = RecordJson.traces(lines).stream()
                    .filter(t -> !due.contains(t.callId()))
                    .toList();
            rewritten = Optional.of(rewrite(batch, head.get(), stay, run));
            staying = stay.size();
        }
        if (head.get().legalHold()) {
            store.setLegalHold(batch, false); // what is held moved to the rewritten batch, held
        }
        try {
            store.delete(batch, false);
        } catch (ObjectNotFoundException alreadyGone) {
            // a retry after the delete
        }
        index.delete(RecordKind.TRACE, due);
        return new Removal(ids.size() - staying, staying, rewritten);
    }

    /** {@code traces/2026/11/26/<call>-r<run>.jsonl}: where run {@code run} rewrites {@code batch}. */
    static ObjectKey rewrittenKey(ObjectKey batch, String run) {
        String value = batch.value();
        String base = value.substring(0, value.length() - ".jsonl".length());
        return ObjectKey.of(base.replaceFirst("-r[0-9TZ]+$", "") + "-r" + run + ".jsonl");
    }

    private ObjectKey rewrite(ObjectKey batch, ObjectInfo old, List<CallTrace> staying, String run)
            throws StoreException, IOException {
        ObjectKey key = rewrittenKey(batch, run);
        Instant until = staying.stream()
                .map(t -> t.retention().retainUntil())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Retention retention = new Retention("trace", until, old.retention().mode());
        byte[] lines = RecordJson.traceLines(staying);
        if (store.head(key).isEmpty()) {
            store.put(
                    key,
                    lines,
                    new ObjectAttributes("application/json", retention, old.legalHold(), Map.copyOf(old.tags())));
        }
        stored.index(key);
        return key;
    }
}
