package org.callgate.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callgate.app.config.StoreConfig;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordingIndexer;
import org.callgate.core.recording.CallRecorder;
import org.callgate.recording.RecordingSpool;
import org.callgate.recording.RecordingUploader;
import org.callgate.recording.SpoolRecorder;
import org.callgate.store.FileSystemSync;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.store.file.FileRecordingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording pipeline as configured: the spool in front of the store, and the uploader
 * between them, which at start-up first finishes what a previous run left in the spool (DESIGN
 * §1 step 7: nothing lost, nothing stored twice).
 */
final class Recordings implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Recordings.class);
    private static final AtomicBoolean SAID_UNAVAILABLE = new AtomicBoolean();

    private final RecordingStore store;
    private final RecordingUploader uploader;
    private final SpoolRecorder recorder;

    private Recordings(RecordingStore store, RecordingUploader uploader, SpoolRecorder recorder) {
        this.store = store;
        this.uploader = uploader;
        this.recorder = recorder;
    }

    /**
     * Opens the spool in front of {@code store} and resumes the spool's leftovers. The store stays
     * its opener's to close.
     *
     * @throws StartupException when a directory cannot be used; the message names it
     */
    static Recordings open(
            StoreConfig config,
            RecordingStore store,
            RetentionProfile profile,
            RecordingIndexer indexer,
            LegalHoldCheck holds)
            throws StartupException {
        RecordingSpool spool;
        try {
            Files.createDirectories(config.spool());
            spool = new RecordingSpool(config.spool(), fileSystemSync(config, config.spool()));
        } catch (IOException e) {
            throw new StartupException("cannot use the recording spool " + config.spool() + ": " + e, e);
        }
        RecordingUploader uploader = new RecordingUploader(spool, store, profile, indexer, holds);
        try {
            uploader.resumeSpool();
        } catch (IOException e) {
            uploader.close();
            throw new StartupException("cannot read the recording spool " + config.spool() + ": " + e, e);
        }
        return new Recordings(store, uploader, new SpoolRecorder(spool, uploader));
    }

    /** The configured store: the file store, or an S3 bucket that must already have Object Lock. */
    static RecordingStore openStore(StoreConfig config, Clock clock) throws StartupException {
        if (StoreConfig.S3.equals(config.type())) {
            return S3Stores.open(config.s3().toSettings());
        }
        Path root = config.path();
        try {
            Files.createDirectories(root);
            return new FileRecordingStore(root, clock, fileSystemSync(config, root));
        } catch (IOException | RuntimeException e) {
            throw new StartupException("cannot open the file store at " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * The sync of {@code dir}'s file system when {@code store.sync} is {@code syncfs} and this
     * system has it; null, which forces each file, otherwise (said once in the log).
     */
    private static FileSystemSync fileSystemSync(StoreConfig config, Path dir) throws IOException {
        if (!StoreConfig.SYNCFS.equals(config.sync())) {
            return null;
        }
        Optional<String> unavailable = FileSystemSync.unavailable();
        if (unavailable.isPresent()) {
            if (!SAID_UNAVAILABLE.getAndSet(true)) {
                LOG.warn("store.sync is syncfs, but {}: each file is forced on its own instead", unavailable.get());
            }
            return null;
        }
        return FileSystemSync.of(dir);
    }

    CallRecorder recorder() {
        return recorder;
    }

    RecordingStore store() {
        return store;
    }

    /** Recordings ended and not yet in the store. */
    int pendingUploads() {
        return uploader.pending();
    }

    long storedSinceStart() {
        return uploader.stored();
    }

    /**
     * Writes the audio the media layer handed over (close the media first), then stops the
     * uploader; what is not stored yet stays in the spool. The store stays open.
     */
    @Override
    public void close() {
        recorder.close();
        uploader.close();
    }
}
