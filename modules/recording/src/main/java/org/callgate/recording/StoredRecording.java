package org.callgate.recording;

import org.callgate.store.ObjectInfo;

/**
 * A recording safely in the store: its audio and its metadata, both verified. Handed to whoever
 * indexes recordings before the spool entry is deleted, so that a failure to index leaves the
 * entry to be retried (and found in the store by its digest).
 */
public record StoredRecording(ObjectInfo audio, ObjectInfo metadataObject, RecordingMetadata metadata) {
}
