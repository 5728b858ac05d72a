package org.callgate.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.callgate.app.config.StoreConfig;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordingIndexer;
import org.callgate.core.recording.CallRecorder;
import org.callgate.recording.RecordingSpool;
import org.callgate.recording.RecordingUploader;
import org.callgate.recording.SpoolRecorder;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.store.file.FileRecordingStore;

/**
 * The recording pipeline as configured: the spool in front of the store, and the uploader
 * between them, which at start-up first finishes what a previous run left in the spool (DESIGN
 * §1 step 7: nothing lost, nothing stored twice).
 */
final class Recordings implements AutoCloseable {

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
            spool = new RecordingSpool(config.spool());
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
            return new FileRecordingStore(root, clock);
        } catch (IOException | RuntimeException e) {
            throw new StartupException("cannot open the file store at " + root + ": " + e.getMessage(), e);
        }
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
