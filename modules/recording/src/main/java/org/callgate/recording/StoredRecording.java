package org.callgate.recording;

import org.callgate.store.ObjectInfo;

/**
 * A recording safely in the store: its audio and its metadata, both verified. Handed to whoever
 * indexes recordings; the spool entry is already gone.
 */
public record StoredRecording(ObjectInfo audio, ObjectInfo metadataObject, RecordingMetadata metadata) {
}
