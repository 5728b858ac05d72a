package org.callgate.recording;

import org.callgate.store.ObjectInfo;

/**
 * A recording safely in the store: its audio and its metadata, both verified, on its way to the
 * {@link org.callgate.core.dossier.RecordingIndexer} before the spool entry is deleted, so that a
 * failure to index leaves the entry to be retried (and found in the store by its digest).
 */
record StoredRecording(ObjectInfo audio, ObjectInfo metadataObject, RecordingMetadata metadata) {}
