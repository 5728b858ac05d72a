package org.callgate.recording;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.callgate.core.media.AudioSink;
import org.callgate.core.recording.CallRecorder;
import org.callgate.core.recording.RecordingFacts;
import org.callgate.store.FileSystemSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CallRecorder} callgate runs with: a recording starts as a spool entry whose WAV file
 * is the media layer's {@link AudioSink}, and when the media layer ends it, the entry is completed
 * and queued for the {@link RecordingUploader}. From the first byte to the stored object the
 * recording stays in this module.
 *
 * <p>One I/O thread writes every recording's file, so that disk waits never stall an event loop;
 * a few more force ended recordings to disk, so that those waits never stall the writes.
 */
public final class SpoolRecorder implements CallRecorder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolRecorder.class);
    private static final long SHUTDOWN_SECONDS = 5;
    private static final int SYNC_THREADS = 4;

    private final RecordingSpool spool;
    private final RecordingUploader uploader;
    private final ExecutorService io = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("callgate-recorder-io").daemon().factory());
    /** Forces ended recordings to disk, several at once ({@link SpoolAudio}). */
    private final ExecutorService sync = Executors.newFixedThreadPool(
            SYNC_THREADS,
            Thread.ofPlatform().name("callgate-recorder-sync-", 0).daemon().factory());

    public SpoolRecorder(RecordingSpool spool, RecordingUploader uploader) {
        this.spool = spool;
        this.uploader = uploader;
    }

    @Override
    public AudioSink begin(RecordingFacts facts) throws IOException {
        SpoolEntry started = SpoolEntry.started(facts);
        FileSystemSync.Mark mark = spool.sync().mark();
        return new SpoolAudio(
                spool.begin(started),
                io,
                sync,
                spool.sync(),
                mark,
                (ended, frames, failure) -> ended(started, ended, frames, failure));
    }

    /**
     * The audio of {@code callId} is on disk. When it could not be finished, what reached the disk
     * is made a whole WAV file and stored marked incomplete; if even the spool entry cannot be
     * written, it is left for the next start's recovery.
     */
    private void ended(SpoolEntry started, Instant ended, long frames, IOException failure) {
        String callId = started.callId();
        try {
            long kept = failure == null ? frames : StereoWav.repair(spool.wavOf(callId));
            if (failure != null) {
                LOG.error(
                        "call {}: recording cut short by a write error, storing {} ms marked incomplete: {}",
                        callId,
                        kept / 8,
                        failure.toString());
            }
            uploader.submit(spool.end(started, ended, kept, failure != null), true);
        } catch (IOException | RuntimeException e) {
            LOG.error("call {}: spool entry cannot be completed; the next start recovers it: {}", callId, e.toString());
        }
    }

    /**
     * Writes what the media layer handed over before it stopped, then stops the I/O thread: close
     * the media first. What does not make it stays in the spool for the next start's recovery.
     */
    @Override
    public void close() {
        io.shutdown();
        try {
            if (!io.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("recording files still being written at shutdown; the spool keeps what reached it");
            }
            sync.shutdown();
            if (!sync.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("recording files still being forced to disk at shutdown; the spool keeps what reached it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
