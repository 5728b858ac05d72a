package org.callgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Consumer;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.recording.RecordingMetadata;
import org.callgate.recording.StoredRecording;
import org.callgate.records.RecordWriter;

/** The index step of the recording pipeline: a stored recording's metadata into the index (DESIGN §1 step 6). */
final class IndexedRecordings implements Consumer<StoredRecording> {

    private final RecordWriter writer;

    IndexedRecordings(RecordWriter writer) {
        this.writer = writer;
    }

    @Override
    public void accept(StoredRecording stored) {
        try {
            writer.indexRecording(stored.metadataObject().key(), ref(stored.metadata()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot journal recording " + stored.metadata().callId(), e);
        }
    }

    static RecordingRef ref(RecordingMetadata m) {
        return new RecordingRef(m.callId(), m.audioKey(), PhoneNumber.tryParse(m.caller()).orElse(null), m.service(),
                Instant.parse(m.start()), m.durationMillis(), m.incomplete(), m.dossier(),
                new RecordRetention(m.retentionClass(), Instant.parse(m.retainUntil()), false));
    }
}
