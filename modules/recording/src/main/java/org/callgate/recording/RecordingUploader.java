package org.callgate.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.callgate.core.Backoff;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.IndexingException;
import org.callgate.core.dossier.LegalHoldCheck;
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
import org.callgate.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves ended recordings from the spool to the store: audio, then metadata, each verified by size
 * and SHA-256, then the spool entry is deleted. The steps of one recording stay in that order, on
 * two lanes: {@value #WORKERS} audio workers each transfer one recording's audio at a time, and
 * hand the recording to a metadata lane of its own for the small requests that finish it (the
 * metadata JSON, the spool deletion). An audio worker thus starts the next transfer while the
 * previous recording's metadata is stored: transfers are bound by bandwidth, the metadata by
 * round trips, and neither waits for the other.
 *
 * <p>It is idempotent, because a crash can strike between any two steps: each object's key is
 * fixed by the call ({@link RecordingKeys}), and an object already there with the same digest counts as stored. An object
 * there with another digest is never overwritten: the entry stays in the spool and an error is
 * logged. A store that is down ({@link StoreUnavailableException}) or any other failure is retried
 * with back-off ({@link #RETRY}: from 1 s, doubling, up to 60 s), for as long as it takes; the entry stays in the spool meanwhile, so a restart resumes it too.
 */
public final class RecordingUploader implements AutoCloseable {

    static final Backoff RETRY = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    private static final Logger LOG = LoggerFactory.getLogger(RecordingUploader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingSpool spool;
    private final RecordingStore store;
    private final RetentionProfile profile;
    private final RecordingIndexer indexer;
    static final int WORKERS = 2;
    private final ScheduledExecutorService worker = Executors.newScheduledThreadPool(
            WORKERS, Thread.ofPlatform().name("callgate-uploader-", 1).daemon().factory());
    private final ExecutorService metadataLane = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("callgate-uploader-metadata").daemon().factory());
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong stored = new AtomicLong();
    private final LegalHoldCheck holds;

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
        this.spool = spool;
        this.store = store;
        this.profile = profile;
        this.indexer = indexer;
        this.holds = holds;
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
            worker.execute(() -> attempt(entry, fresh ? -1 : 0));
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

    /** The audio lane; {@code failures} -1: the first attempt of a fresh entry. */
    private void attempt(SpoolEntry entry, int failures) {
        try {
            // a fresh entry's WAV was forced by this process a moment ago: only a resumed or
            // retried one can have lost it
            if (failures >= 0 && Files.notExists(spool.wavOf(entry.callId()))) {
                settleWithoutAudio(entry);
                return;
            }
            StoredAudio audio = storeAudio(entry, failures < 0);
            metadataLane.execute(() -> finish(entry, audio, failures));
        } catch (RejectedExecutionException e) {
            LOG.info("call {}: uploader closed, the recording stays in the spool", entry.callId());
        } catch (IOException | StoreException | RuntimeException e) {
            failed(entry, failures, e);
        }
    }

    /**
     * The metadata lane: stores the metadata, indexes the recording, then deletes the spool entry.
     * A failure of any step leaves the entry in the spool and retries.
     */
    private void finish(SpoolEntry entry, StoredAudio audio, int failures) {
        try {
            StoredRecording stored = storeMetadata(entry, audio, failures < 0);
            // the index step (DESIGN §1 step 6), before the spool entry goes
            RecordingRef ref = stored.metadata().ref(audio.held());
            indexer.indexStored(stored.metadataObject().key().value(), ref);
            if (!audio.held() && holds.covers(ref)) { // a hold placed meanwhile
                store.setLegalHold(stored.audio().key(), true);
                store.setLegalHold(stored.metadataObject().key(), true);
                indexer.indexStored(
                        stored.metadataObject().key().value(), stored.metadata().ref(true));
            }
            spool.delete(entry);
            pending.remove(entry.callId());
            this.stored.incrementAndGet();
            LOG.debug(
                    "call {}: recording stored as {} ({} bytes, {}, until {})",
                    entry.callId(),
                    stored.audio().key(),
                    stored.audio().size(),
                    stored.metadata().lockMode(),
                    stored.metadata().retainUntil());
        } catch (IOException | StoreException | IndexingException | RuntimeException e) {
            failed(entry, failures, e);
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
    private void failed(SpoolEntry entry, int failures, Exception e) {
        int failed = Math.max(failures, 0) + 1;
        long delay = RETRY.after(failed).toSeconds();
        if (e instanceof StoreUnavailableException) {
            LOG.warn("call {}: store unavailable, retrying in {} s: {}", entry.callId(), delay, e.getMessage());
        } else {
            LOG.error("call {}: recording not stored, kept in the spool, retrying in {} s", entry.callId(), delay, e);
        }
        retryLater(entry, failed, delay);
    }

    private void retryLater(SpoolEntry entry, int failures, long delaySeconds) {
        if (!worker.isShutdown()) {
            worker.schedule(() -> attempt(entry, failures), delaySeconds, TimeUnit.SECONDS);
        }
    }

    private StoredAudio storeAudio(SpoolEntry entry, boolean fresh) throws IOException, StoreException {
        Path wav = spool.wavOf(entry.callId());
        long wavSize = Files.size(wav);
        Instant answered = entry.answeredAt();
        Retention retention =
                profile.retentionOfCall(entry.retentionClass(), answered, answered.plus(entry.duration()));
        RecordingKeys keys = RecordingKeys.of(entry.callId(), answered);
        ObjectKey audioKey = keys.audio();
        boolean held = holds.covers(new RecordingRef(
                entry.callId(),
                audioKey.value(),
                PhoneNumber.tryParse(entry.caller()).orElse(null),
                entry.service(),
                answered,
                entry.duration().toMillis(),
                entry.incomplete(),
                entry.dossier(),
                new RecordRetention(retention.retentionClass(), retention.retainUntil(), false)));
        ObjectAttributes audioAttributes = new ObjectAttributes("audio/wav", retention, held, tags(entry));
        ObjectInfo audio = putOnce(
                audioKey,
                wavSize,
                // sealed: forced to disk when the recording ended (SpoolAudio), never written again
                () -> store.putSealed(audioKey, wav, audioAttributes, fresh),
                () -> Digests.sha256(wav));
        return new StoredAudio(audio, retention, held, keys.metadata());
    }

    private StoredRecording storeMetadata(SpoolEntry entry, StoredAudio audio, boolean fresh)
            throws IOException, StoreException {
        RecordingMetadata metadata = metadata(entry, audio.info(), audio.retention());
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata);
        ObjectKey metaKey = audio.metadataKey();
        ObjectAttributes metaAttributes =
                new ObjectAttributes("application/json", audio.retention(), audio.held(), tags(entry));
        ObjectInfo meta = putOnce(
                metaKey,
                json.length,
                fresh
                        ? () -> store.putNew(metaKey, json, metaAttributes)
                        : () -> store.put(metaKey, json, metaAttributes),
                () -> Digests.sized(json));
        return new StoredRecording(audio.info(), meta, metadata);
    }

    private static Map<String, String> tags(SpoolEntry entry) {
        return Map.of("service", entry.service(), "kind", "recording");
    }

    /**
     * Puts the object, and checks the size the store reports. The store digests the very bytes it
     * stores (the S3 store in the pass that computes the {@code Content-MD5} the server checks the
     * body against; the file store while copying), so its SHA-256 is what is in the store. When the
     * key is already taken (a crash after an earlier put), the object there counts as stored only
     * if its size and SHA-256 equal the spool's; otherwise nothing is overwritten and this fails.
     */
    private ObjectInfo putOnce(ObjectKey key, long size, StorePut put, LocalDigest local)
            throws IOException, StoreException {
        ObjectInfo info;
        try {
            info = put.run();
        } catch (ObjectExistsException e) {
            info = store.head(key).orElseThrow(() -> new StoreException(key + " exists and then does not"));
            Digests.Sized spooled = local.compute();
            if (!info.sha256().equals(spooled.sha256())) {
                throw new StoreException(key + " in the store has " + info.size() + " bytes, SHA-256 " + info.sha256()
                        + "; the spool has " + spooled.size() + " bytes, SHA-256 " + spooled.sha256());
            }
        }
        if (info.size() != size) {
            throw new StoreException(key + " in the store has " + info.size() + " bytes; the spool has " + size);
        }
        return info;
    }

    private static RecordingMetadata metadata(SpoolEntry entry, ObjectInfo audio, Retention retention) {
        return new RecordingMetadata(
                entry.callId(),
                entry.caller(),
                entry.serviceLine(),
                entry.service(),
                entry.answered(),
                entry.duration().toMillis(),
                "recorded;reason=" + entry.reason(),
                entry.retentionClass(),
                retention.retainUntil().toString(),
                retention.mode().name(),
                audio.key().value(),
                audio.size(),
                audio.sha256(),
                entry.incomplete(),
                entry.dossier());
    }

    /** Stops the worker; what is not stored yet stays in the spool for the next start. */
    @Override
    public void close() {
        worker.shutdownNow();
        metadataLane.shutdownNow();
    }

    /** The audio as stored, handed from the audio lane to the metadata lane. */
    private record StoredAudio(ObjectInfo info, Retention retention, boolean held, ObjectKey metadataKey) {}

    @FunctionalInterface
    private interface StorePut {
        ObjectInfo run() throws StoreException;
    }

    @FunctionalInterface
    private interface LocalDigest {
        Digests.Sized compute() throws IOException;
    }
}
