package org.callgate.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.callgate.core.Backoff;
import org.callgate.core.LingeringQueue;
import org.callgate.core.dossier.IndexingException;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordingIndexer;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.store.ObjectPut;
import org.callgate.store.PutOutcome;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;
import org.callgate.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves ended recordings from the spool to the store: audio, then metadata, each verified by size
 * and SHA-256 ({@link RecordingPuts}), then the index, then the spool entry is deleted.
 *
 * <p><b>In batches.</b> Recordings wait up to {@link #LINGER} in a queue ({@link LingeringQueue}),
 * and an audio worker takes every one waiting, up to {@value #MAX_BATCH}: the audio of the whole batch goes to the store in one
 * {@link RecordingStore#putAll}, its metadata in another, and the index's journal is forced once
 * for it. The file store then forces each directory once a batch, not four times a recording: at
 * 200 recordings a second, a tenth of a second's recordings share each barrier. A store whose
 * batches share no work ({@link RecordingStore#batchesShareWork}: S3) gets each recording at once,
 * alone, so that one recording's metadata overlaps the next one's audio. The spool holds
 * every recording durably meanwhile, so waiting costs nothing but the delay. The steps of one
 * recording stay in that order, on two lanes: {@value #WORKERS} audio workers each store one
 * batch's audio at a time and hand the batch to a metadata lane of its own for the small requests
 * that finish it. An audio worker thus starts the next transfer while the previous batch's
 * metadata is stored: transfers are bound by bandwidth, the metadata by round trips.
 *
 * <p>It is idempotent, because a crash can strike between any two steps: each object's key is
 * fixed by the call ({@link RecordingKeys}), and an object already there with the same digest
 * counts as stored. An object there with another digest is never overwritten: the entry stays in
 * the spool and an error is logged. Each recording of a batch fails on its own. A store that is down
 * ({@link StoreUnavailableException}) or any other failure is retried with back-off ({@link #RETRY}:
 * from 1 s, doubling, up to 60 s), for as long as it takes; the entry stays in the spool meanwhile,
 * so a restart resumes it too.
 */
public final class RecordingUploader implements AutoCloseable {

    static final Backoff RETRY = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    /** How long a recording waits for others to share its batch. */
    static final Duration LINGER = Duration.ofMillis(100);
    /** Recordings in one batch at most. */
    static final int MAX_BATCH = 64;

    static final int WORKERS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(RecordingUploader.class);

    private final RecordingSpool spool;
    private final RecordingStore store;
    private final RecordingIndexer indexer;
    private final LegalHoldCheck holds;
    private final RecordingPuts puts;
    private final ScheduledExecutorService worker = Executors.newScheduledThreadPool(
            WORKERS, Thread.ofPlatform().name("callgate-uploader-", 1).daemon().factory());
    private final ExecutorService metadataLane = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("callgate-uploader-metadata").daemon().factory());
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final LingeringQueue<Queued> queue;

    private final AtomicLong stored = new AtomicLong();

    /**
     * @param indexer given each recording once audio and metadata are stored and verified, and
     *     before its spool entry is deleted: the index step. If it fails, the recording is retried.
     */
    public RecordingUploader(
            RecordingSpool spool, RecordingStore store, RetentionProfile profile, RecordingIndexer indexer) {
        this(spool, store, profile, indexer, LegalHoldCheck.NONE);
    }

    /** @param holds whether a legal hold covers a recording: then it is stored held (R19) */
    public RecordingUploader(
            RecordingSpool spool,
            RecordingStore store,
            RetentionProfile profile,
            RecordingIndexer indexer,
            LegalHoldCheck holds) {
        this(spool, store, profile, indexer, holds, LINGER);
    }

    /** @param linger how long a recording waits for others to share its batch */
    RecordingUploader(
            RecordingSpool spool,
            RecordingStore store,
            RetentionProfile profile,
            RecordingIndexer indexer,
            LegalHoldCheck holds,
            Duration linger) {
        boolean batches = store.batchesShareWork(); // else one by one at once, as S3 does best
        this.queue = new LingeringQueue<>(
                (task, delay) -> worker.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                batches ? linger : Duration.ZERO,
                batches ? MAX_BATCH : 1,
                this::storeAudio);
        this.spool = spool;
        this.store = store;
        this.indexer = indexer;
        this.holds = holds;
        this.puts = new RecordingPuts(spool, store, profile, holds);
    }

    /** Queues every entry a previous run left in the spool; returns how many. */
    public int resumeSpool() throws IOException {
        var entries = spool.recover();
        entries.forEach(entry -> submit(entry, false));
        if (!entries.isEmpty()) {
            LOG.info("spool {}: {} recordings left by the previous run, storing them", spool.dir(), entries.size());
        }
        return entries.size();
    }

    /**
     * Queues an ended entry; an entry already queued is not queued twice.
     *
     * @param fresh the entry was recorded by this process and never handed to the store: its first
     *     attempt may skip the store's existence checks ({@link RecordingStore#putNew}); an entry
     *     left by an earlier run, or a retry, may have reached the store already and is checked
     */
    void submit(SpoolEntry entry, boolean fresh) {
        if (pending.add(entry.callId())) {
            enqueue(new Queued(entry, fresh ? -1 : 0));
        }
    }

    /** How many recordings are uploaded at once. */
    public static int workers() {
        return WORKERS;
    }

    /** Recordings stored, verified and indexed since start-up: the per-call log line is DEBUG. */
    public long stored() {
        return stored.get();
    }

    /** Recordings queued and not yet stored. */
    public int pending() {
        return pending.size();
    }

    /** Takes what waits now, in batches, without waiting out the linger: for tests. */
    void flush() {
        queue.flush();
    }

    private void enqueue(Queued queued) {
        try {
            queue.add(queued);
        } catch (RejectedExecutionException e) {
            LOG.info(
                    "call {}: uploader closed, the recording stays in the spool",
                    queued.entry().callId());
        }
    }

    /** The audio lane: stores the batch's audio, then hands the batch to the metadata lane. */
    private void storeAudio(List<Queued> batch) {
        List<Queued> attempted = new ArrayList<>(batch.size());
        List<RecordingPuts.Audio> audio = new ArrayList<>(batch.size());
        for (Queued queued : batch) {
            try {
                // a fresh entry's WAV was forced by this process a moment ago: only a resumed or
                // retried one can have lost it
                if (!queued.fresh()
                        && Files.notExists(spool.wavOf(queued.entry().callId()))) {
                    settleWithoutAudio(queued.entry());
                    continue;
                }
                audio.add(puts.audio(queued.entry(), queued.fresh()));
                attempted.add(queued);
            } catch (IOException | StoreException | RuntimeException e) {
                failed(queued, e);
            }
        }
        List<AudioStored> done = new ArrayList<>(attempted.size());
        List<PutOutcome> outcomes =
                putAll(attempted, audio.stream().map(RecordingPuts.Audio::put).toList());
        for (int i = 0; i < outcomes.size(); i++) {
            try {
                done.add(new AudioStored(attempted.get(i), puts.storedAudio(audio.get(i), outcomes.get(i))));
            } catch (IOException | StoreException | RuntimeException e) {
                failed(attempted.get(i), e);
            }
        }
        if (!done.isEmpty()) {
            try {
                metadataLane.execute(() -> finish(done));
            } catch (RejectedExecutionException e) {
                LOG.info("uploader closed: {} recordings stay in the spool", done.size());
            }
        }
    }

    /** The store's outcomes; when the whole batch fails at once, each recording is retried. */
    private List<PutOutcome> putAll(List<Queued> batch, List<ObjectPut> objects) {
        if (objects.isEmpty()) {
            return List.of();
        }
        try {
            return store.putAll(objects);
        } catch (RuntimeException e) {
            batch.forEach(queued -> failed(queued, e));
            return List.of();
        }
    }

    /**
     * The metadata lane: stores the batch's metadata, indexes it, then deletes the spool entries.
     * A failure of any step leaves the entries it concerns in the spool and retries them.
     */
    private void finish(List<AudioStored> batch) {
        List<AudioStored> attempted = new ArrayList<>(batch.size());
        List<RecordingPuts.Metadata> metadata = new ArrayList<>(batch.size());
        for (AudioStored audio : batch) {
            try {
                metadata.add(puts.metadata(
                        audio.queued().entry(), audio.stored(), audio.queued().fresh()));
                attempted.add(audio);
            } catch (IOException | RuntimeException e) {
                failed(audio.queued(), e);
            }
        }
        List<Queued> queued = attempted.stream().map(AudioStored::queued).toList();
        List<PutOutcome> outcomes = putAll(
                queued, metadata.stream().map(RecordingPuts.Metadata::put).toList());
        List<Finished> stored = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            AudioStored audio = attempted.get(i);
            try {
                stored.add(new Finished(
                        audio.queued(), puts.storedRecording(audio.stored(), metadata.get(i), outcomes.get(i))));
            } catch (IOException | StoreException | RuntimeException e) {
                failed(audio.queued(), e);
            }
        }
        indexAndClear(stored);
    }

    /**
     * The index step (DESIGN §1 step 6), before the spool entries go: the batch at once; when that
     * fails, each recording on its own, so that one the index refuses holds up no other.
     */
    private void indexAndClear(List<Finished> batch) {
        List<Finished> indexed = batch;
        try {
            indexer.indexStored(batch.stream().map(Finished::toIndex).toList());
        } catch (IndexingException | RuntimeException batchFailed) {
            indexed = new ArrayList<>(batch.size());
            for (Finished finished : batch) {
                try {
                    indexer.indexStored(List.of(finished.toIndex()));
                    indexed.add(finished);
                } catch (IndexingException | RuntimeException e) {
                    failed(finished.queued(), e);
                }
            }
        }
        for (Finished finished : indexed) {
            try {
                holdIfCoveredMeanwhile(finished);
                spool.delete(finished.queued().entry());
                pending.remove(finished.queued().entry().callId());
                this.stored.incrementAndGet();
                StoredRecording recording = finished.recording();
                LOG.debug(
                        "call {}: recording stored as {} ({} bytes, {}, until {})",
                        finished.queued().entry().callId(),
                        recording.audio().key(),
                        recording.audio().size(),
                        recording.metadata().lockMode(),
                        recording.metadata().retainUntil());
            } catch (IOException | StoreException | IndexingException | RuntimeException e) {
                failed(finished.queued(), e);
            }
        }
    }

    /** A hold placed while the recording was on its way (R19): stored and indexed held after all. */
    private void holdIfCoveredMeanwhile(Finished finished) throws StoreException, IndexingException {
        StoredRecording recording = finished.recording();
        if (!recording.audio().legalHold() && holds.covers(finished.ref(false))) {
            store.setLegalHold(recording.audio().key(), true);
            store.setLegalHold(recording.metadataObject().key(), true);
            indexer.indexStored(finished.metadataKey(), finished.ref(true));
        }
    }

    /**
     * An entry whose WAV is gone: a crash struck between the spool's two deletions, after the
     * recording was stored, verified and indexed. When the store holds both its objects, the entry
     * is cleared; otherwise the audio is lost and no retry brings it back: an error says so, once,
     * and the entry stays for an operator.
     */
    private void settleWithoutAudio(SpoolEntry entry) throws IOException, StoreException {
        RecordingKeys keys = RecordingKeys.of(entry.callId(), entry.answeredAt());
        if (store.head(keys.audio()).isPresent() && store.head(keys.metadata()).isPresent()) {
            spool.delete(entry);
            pending.remove(entry.callId());
            LOG.info(
                    "call {}: recording already stored as {}; its spool entry is cleared",
                    entry.callId(),
                    keys.audio());
        } else {
            LOG.error(
                    "call {}: the spool entry has no audio and the store has no recording {}; left for an operator",
                    entry.callId(),
                    keys.audio());
        }
    }

    /** Retries the whole recording later: the audio already stored is then found by its digest. */
    private void failed(Queued queued, Exception e) {
        SpoolEntry entry = queued.entry();
        int failed = Math.max(queued.failures(), 0) + 1;
        long delay = RETRY.after(failed).toSeconds();
        if (e instanceof StoreUnavailableException) {
            LOG.warn("call {}: store unavailable, retrying in {} s: {}", entry.callId(), delay, e.getMessage());
        } else {
            LOG.error("call {}: recording not stored, kept in the spool, retrying in {} s", entry.callId(), delay, e);
        }
        if (!worker.isShutdown()) {
            try {
                worker.schedule(() -> enqueue(new Queued(entry, failed)), delay, TimeUnit.SECONDS);
            } catch (RejectedExecutionException closed) {
                LOG.info("call {}: uploader closed, the recording stays in the spool", entry.callId());
            }
        }
    }

    /** Stops the worker; what is not stored yet stays in the spool for the next start. */
    @Override
    public void close() {
        worker.shutdownNow();
        metadataLane.shutdownNow();
    }

    /** A recording waiting for the store; {@code failures} -1: the first attempt of a fresh entry. */
    private record Queued(SpoolEntry entry, int failures) {
        boolean fresh() {
            return failures < 0;
        }
    }

    private record AudioStored(Queued queued, RecordingPuts.StoredAudio stored) {}

    /** A recording whose audio and metadata are stored and verified. */
    private record Finished(Queued queued, StoredRecording recording) {
        String metadataKey() {
            return recording.metadataObject().key().value();
        }

        RecordingRef ref(boolean held) {
            return recording.metadata().ref(held);
        }

        RecordingIndexer.Stored toIndex() {
            return new RecordingIndexer.Stored(
                    metadataKey(), ref(recording.audio().legalHold()));
        }
    }
}
