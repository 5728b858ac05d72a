package org.callgate.core.dossier;

import java.util.List;

/**
 * The index step of a recording (DESIGN §1 step 6): once its audio and metadata are stored and
 * verified, and before its spool entry is deleted, a recording is made findable with its call's
 * dossier and history (R4, R11: compliance staff find banking recordings through the index).
 *
 * <p>The {@code recording} module calls it and the {@code records} module implements it, so the
 * recording path runs one way, from the spool through the store into the index. A failure leaves
 * the spool entry in place and the recording is tried again, found in the store by its digest.
 */
@FunctionalInterface
public interface RecordingIndexer {

    /**
     * Indexes a recording whose metadata JSON is stored under {@code metadataKey}.
     *
     * @throws IndexingException when it cannot be made durable in the index (or its journal)
     */
    void indexStored(String metadataKey, RecordingRef recording) throws IndexingException;

    /**
     * Indexes several stored recordings: an implementation with a journal forces it once for all
     * of them. The default indexes them one by one. Indexing is idempotent, so a failure part-way
     * harms nothing: the caller indexes them again.
     *
     * @throws IndexingException when not all of them could be made durable
     */
    default void indexStored(List<Stored> recordings) throws IndexingException {
        for (Stored stored : recordings) {
            indexStored(stored.metadataKey(), stored.recording());
        }
    }

    /** A recording to index, with the key of its metadata in the store. */
    record Stored(String metadataKey, RecordingRef recording) {}

    /** Indexes nothing: for tools that store recordings without an index. */
    RecordingIndexer NONE = (metadataKey, recording) -> {};
}
