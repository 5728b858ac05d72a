package org.callgate.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.callgate.core.media.RecordedAudio;
import org.callgate.core.recording.CallRecorder;
import org.callgate.core.recording.RecordingFacts;
import org.callgate.media.StereoWav;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CallRecorder} callgate runs with: a recording starts as a spool entry, and when it
 * ends its entry is completed and queued for the {@link RecordingUploader}.
 */
public final class SpoolRecorder implements CallRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolRecorder.class);

    private final RecordingSpool spool;
    private final RecordingUploader uploader;

    public SpoolRecorder(RecordingSpool spool, RecordingUploader uploader) {
        this.spool = spool;
        this.uploader = uploader;
    }

    @Override
    public Path begin(RecordingFacts facts) throws IOException {
        return spool.begin(facts);
    }

    /**
     * {@inheritDoc} When the audio could not be finished, what reached the disk is made a whole
     * WAV file and stored marked incomplete; if even the spool entry cannot be written, it is left
     * for the next start's recovery.
     */
    @Override
    public void end(String callId, Instant ended, RecordedAudio audio, Throwable failure) {
        try {
            long frames = failure == null ? audio.frames() : StereoWav.repair(spool.wavOf(callId));
            if (failure != null) {
                LOG.error("call {}: recording cut short by a write error, storing {} ms marked incomplete: {}",
                        callId, frames / 8, failure.toString());
            }
            uploader.submit(spool.end(callId, ended, frames, failure != null), true);
        } catch (IOException | RuntimeException e) {
            LOG.error("call {}: spool entry cannot be completed; the next start recovers it: {}", callId, e.toString());
        }
    }
}
