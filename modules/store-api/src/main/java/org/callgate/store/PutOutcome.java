package org.callgate.store;

import java.util.Objects;

/**
 * What became of one put of a batch ({@link RecordingStore#putAll}): the object as stored, or the
 * failure the single put would have thrown. Each object of a batch succeeds or fails on its own.
 */
public record PutOutcome(ObjectPut put, ObjectInfo stored, StoreException failure) {

    public PutOutcome {
        Objects.requireNonNull(put, "put");
        if ((stored == null) == (failure == null)) {
            throw new IllegalArgumentException("the put of " + put.key() + " either stored an object or failed");
        }
    }

    public static PutOutcome stored(ObjectPut put, ObjectInfo info) {
        return new PutOutcome(put, Objects.requireNonNull(info, "info"), null);
    }

    public static PutOutcome failed(ObjectPut put, StoreException failure) {
        return new PutOutcome(put, null, Objects.requireNonNull(failure, "failure"));
    }

    /**
     * The object as stored.
     *
     * @throws StoreException the failure, as the single put would have thrown it
     */
    public ObjectInfo get() throws StoreException {
        if (failure != null) {
            throw failure;
        }
        return stored;
    }
}
