package org.callgate.records;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.IndexingException;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.RecordingIndexer;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.store.Digests;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectExistsException;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records store first, then index (DESIGN §2), so that the index never holds what the store
 * does not and a crash never loses a record from the index for good.
 *
 * <p>Each write: its key goes to the {@link IndexJournal} (fsynced), the JSON to the store (write
 * once, with the retention of its class and, where the profile says so, an Object Lock), then the
 * record to the index. {@link #checkpoint()} commits the index and forgets the journal up to
 * there; {@link #recover()}, at start-up, indexes again from the store whatever the journal names.
 * Writes and checkpoints may run on any threads; a checkpoint waits for the writes in flight.
 */
public final class RecordWriter implements RecordingIndexer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordWriter.class);
    /** Traces in one store object at most. */
    static final int TRACE_BATCH = 500;

    private final RecordingStore store;
    private final RecordIndex index;
    private final RetentionProfile profile;
    private final LegalHoldCheck holds;
    private final IndexJournal journal;
    private final StoredRecords stored;
    private final ReadWriteLock checkpoints = new ReentrantReadWriteLock();

    public RecordWriter(RecordingStore store, RecordIndex index, RetentionProfile profile, Path journalDir)
            throws IOException {
        this(store, index, profile, journalDir, LegalHoldCheck.NONE);
    }

    /** A writer that stores and indexes what a legal hold covers as held from its creation (R19). */
    public RecordWriter(
            RecordingStore store, RecordIndex index, RetentionProfile profile, Path journalDir, LegalHoldCheck holds)
            throws IOException {
        this.store = store;
        this.index = index;
        this.profile = profile;
        this.holds = holds;
        this.journal = new IndexJournal(journalDir);
        this.stored = new StoredRecords(store, index, holds);
    }

    /** The retention profile records are written with. */
    public RetentionProfile profile() {
        return profile;
    }

    public RecordIndex index() {
        return index;
    }

    public ObjectKey write(Dossier dossier) throws StoreException, IOException {
        ObjectKey key = RecordKeys.dossier(dossier.number(), dossier.version());
        writeAll(List.of(pending(dossier)));
        return key;
    }

    /** Writes one trace, as a batch of one; returns the batch's key. */
    public ObjectKey write(CallTrace trace) throws StoreException, IOException {
        List<Pending> batch = traceBatches(List.of(trace));
        writeAll(batch);
        return batch.getFirst().key();
    }

    /**
     * Writes the answers of one call's survey (R10): one object per call, class {@code survey}.
     * Surveys are few (callers who consented and whose agent hung up first), so a batch would
     * rarely hold more than one, and an object per call keeps each survey's own retain-until. They
     * are not indexed: agents do not search them, and the purge finds them by listing
     * {@code surveys/} in the store. Returns the key.
     */
    public ObjectKey write(SurveyRecord survey) throws StoreException, IOException {
        ObjectKey key = RecordKeys.survey(survey);
        writeAll(List.of(new Pending(
                key, RecordJson.bytes(survey), survey.retention(), survey.service(), () -> false, held -> {}, false)));
        return key;
    }

    /**
     * Writes many records with one journal fsync (bulk loads, the data generator, calls that
     * ended together). Dossiers are an object each; traces are stored in batches of up to {@value
     * #TRACE_BATCH}, one object per UTC day, so that a call costs the store a share of one write
     * rather than one write each. On a failure the records before it are written; the journal
     * names all of them, so the index stays true to the store.
     */
    public void writeAll(List<Dossier> dossiers, List<CallTrace> traces) throws StoreException, IOException {
        List<Pending> all = new ArrayList<>(dossiers.size() + traces.size());
        for (Dossier d : dossiers) {
            all.add(pending(d));
        }
        all.addAll(traceBatches(traces));
        writeAll(all);
    }

    private Pending pending(Dossier d) {
        return new Pending(
                RecordKeys.dossier(d.number(), d.version()),
                RecordJson.bytes(d),
                d.retention(),
                d.service(),
                () -> holds.covers(d),
                held -> index.put(d.withRetention(
                        d.retention().withLegalHold(held || d.retention().legalHold()))),
                false);
    }

    /**
     * Batches of traces of one UTC day each: retention class {@code trace}, retained until the last
     * of them is due, which within a batch of calls that ended together is seconds apart.
     */
    private List<Pending> traceBatches(List<CallTrace> traces) {
        Map<String, List<CallTrace>> byDay = new LinkedHashMap<>();
        traces.forEach(t -> byDay.computeIfAbsent(RecordKeys.day(t), day -> new ArrayList<>())
                .add(t));
        List<Pending> batches = new ArrayList<>();
        for (List<CallTrace> day : byDay.values()) {
            for (int from = 0; from < day.size(); from += TRACE_BATCH) {
                List<CallTrace> batch = List.copyOf(day.subList(from, Math.min(day.size(), from + TRACE_BATCH)));
                Instant until = batch.stream()
                        .map(t -> t.retention().retainUntil())
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
                long services =
                        batch.stream().map(CallTrace::service).distinct().count();
                ObjectKey key = RecordKeys.traceBatch(batch.getFirst());
                batches.add(new Pending(
                        key,
                        RecordJson.traceLines(batch),
                        new RecordRetention("trace", until, false),
                        services == 1 ? batch.getFirst().service() : "various",
                        () -> batch.stream().anyMatch(holds::covers),
                        held -> batch.forEach(t -> index.put(
                                t.withRetention(t.retention().withLegalHold(held && holds.covers(t))), key.value())),
                        true));
            }
        }
        return batches;
    }

    /**
     * {@inheritDoc} The store already has the metadata, so only the journal and the index are
     * written.
     */
    @Override
    public void indexStored(String metadataKey, RecordingRef recording) throws IndexingException {
        indexStored(List.of(new Stored(metadataKey, recording)));
    }

    /** {@inheritDoc} Their keys reach the journal in one write and one fsync. */
    @Override
    public void indexStored(List<Stored> recordings) throws IndexingException {
        if (recordings.isEmpty()) {
            return;
        }
        checkpoints.readLock().lock();
        try {
            journal.append(recordings.stream()
                    .map(stored -> ObjectKey.of(stored.metadataKey()))
                    .toList());
            recordings.forEach(stored -> index.put(stored.recording()));
        } catch (IOException | RuntimeException e) {
            String calls = recordings.size() == 1
                    ? "recording " + recordings.getFirst().recording().callId()
                    : recordings.size() + " recordings";
            throw new IndexingException(calls + " not indexed: " + e.getMessage(), e);
        } finally {
            checkpoints.readLock().unlock();
        }
    }

    private void writeAll(List<Pending> records) throws StoreException, IOException {
        checkpoints.readLock().lock();
        try {
            journal.append(records.stream().map(Pending::key).toList());
            for (Pending record : records) {
                Retention retention = new Retention(
                        record.retention().retentionClass(),
                        record.retention().retainUntil(),
                        profile.rule(record.retention().retentionClass()).mode());
                IndexJournal.Held kept = record.journalled() ? journal.hold(record.key(), record.json()) : null;
                boolean held = record.covered().getAsBoolean();
                put(
                        record,
                        new ObjectAttributes(
                                "application/json",
                                retention,
                                held || record.retention().legalHold(),
                                Map.of("service", record.service(), "kind", "record")));
                record.indexing().accept(held);
                if (!held && record.covered().getAsBoolean()) { // a hold placed meanwhile (LegalHoldCheck)
                    store.setLegalHold(record.key(), true);
                    record.indexing().accept(true);
                }
                if (kept != null) {
                    journal.release(kept);
                }
            }
        } finally {
            checkpoints.readLock().unlock();
        }
    }

    /**
     * Puts the record; a key already holding the same bytes counts as stored (a retry after a
     * failure between the store and the index), other bytes are never overwritten.
     */
    private void put(Pending record, ObjectAttributes attributes) throws StoreException {
        try {
            store.put(record.key(), record.json(), attributes);
        } catch (ObjectExistsException e) {
            ObjectInfo there = store.head(record.key()).orElseThrow(() -> e);
            if (!there.sha256().equals(Digests.sha256Hex(record.json()))) {
                throw new StoreException(record.key() + " already holds another record (SHA-256 " + there.sha256()
                        + "); it is not overwritten");
            }
        }
    }

    /**
     * Indexes the record the store holds under {@code key}, with the legal hold the store and the
     * holds say: a dossier version another node wrote, which this node's index has not seen.
     * Returns how many records were indexed, 0 when the store has no such object.
     */
    int indexFromStore(ObjectKey key) throws StoreException, IOException {
        return stored.index(key);
    }

    /** Commits the index; the journal then forgets what the commit made durable. */
    public void checkpoint() throws IOException {
        List<Path> sealed;
        checkpoints.writeLock().lock();
        try {
            sealed = journal.seal();
        } finally {
            checkpoints.writeLock().unlock();
        }
        index.commit();
        IndexJournal.delete(sealed);
    }

    /**
     * Stores what the journal holds that the store may not have (batches of call traces a crash
     * cut off), then indexes again every record the journal names that the store has: those
     * written after the index's last commit by a process that then stopped without committing.
     * Returns how many records were indexed again.
     */
    public int recover() throws IOException, StoreException {
        int held = 0;
        for (IndexJournal.Held record : journal.held()) {
            List<Pending> batch = traceBatches(RecordJson.traces(record.bytes()));
            if (batch.size() != 1 || !batch.getFirst().key().equals(record.key())) {
                throw new IOException("held record " + record.file() + " is not the batch " + record.key());
            }
            writeAll(batch); // stores (or finds it stored with the same bytes), indexes, releases the hold
            held++;
        }
        if (held > 0) {
            LOG.info("index: {} batches of call traces the last run had not stored yet stored now", held);
        }
        List<ObjectKey> keys = journal.keys();
        int indexed = 0;
        for (ObjectKey key : keys) {
            indexed += stored.index(key);
        }
        checkpoint();
        if (!keys.isEmpty()) {
            LOG.info(
                    "index: {} records written after the last commit indexed again from the store ({} journal entries)",
                    indexed,
                    keys.size());
        }
        return indexed;
    }

    /** Commits the index and closes the journal; the index and the store stay open (their owner closes them). */
    @Override
    public void close() throws IOException {
        checkpoint();
        journal.close();
    }

    /**
     * @param covered whether a legal hold covers the record now
     * @param indexing indexes the record, held or not
     * @param journalled its bytes exist nowhere else until stored, so the journal holds them meanwhile
     */
    private record Pending(
            ObjectKey key,
            byte[] json,
            RecordRetention retention,
            String service,
            BooleanSupplier covered,
            Consumer<Boolean> indexing,
            boolean journalled) {}
}
