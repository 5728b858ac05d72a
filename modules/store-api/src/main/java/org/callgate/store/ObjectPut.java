package org.callgate.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One object of a batch ({@link RecordingStore#putAll}): a sealed file or bytes, the key it goes
 * to, and its attributes. Alone it is the put of the same name ({@link #runOn}).
 *
 * @param sealedFile the file to store as {@link RecordingStore#putSealed} would, or null
 * @param bytes the bytes to store, or null; exactly one of the two is given
 * @param knownNew whether the caller named the key itself and never stored it before, so a store
 *     may skip its existence check ({@link RecordingStore#putNew})
 */
public record ObjectPut(ObjectKey key, Path sealedFile, byte[] bytes, ObjectAttributes attributes, boolean knownNew) {

    public ObjectPut {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attributes, "attributes");
        if ((sealedFile == null) == (bytes == null)) {
            throw new IllegalArgumentException("a put of " + key + " needs either a sealed file or bytes");
        }
    }

    /** A sealed file: forced to disk and never written again ({@link RecordingStore#putSealed}). */
    public static ObjectPut sealed(ObjectKey key, Path file, ObjectAttributes attributes, boolean knownNew) {
        return new ObjectPut(key, Objects.requireNonNull(file, "file"), null, attributes, knownNew);
    }

    public static ObjectPut bytes(ObjectKey key, byte[] bytes, ObjectAttributes attributes, boolean knownNew) {
        return new ObjectPut(key, null, Objects.requireNonNull(bytes, "bytes"), attributes, knownNew);
    }

    /** Stores this object alone, with the single put it stands for. */
    public ObjectInfo runOn(RecordingStore store) throws StoreException {
        if (sealedFile != null) {
            return store.putSealed(key, sealedFile, attributes, knownNew);
        }
        return knownNew ? store.putNew(key, bytes, attributes) : store.put(key, bytes, attributes);
    }
}
