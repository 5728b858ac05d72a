package org.callgate.records;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.callgate.store.ByteRange;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectPut;
import org.callgate.store.PutOutcome;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;

/** A store that passes every call on to another, for a test to step into the calls it cares about. */
class ForwardingStore implements RecordingStore {

    private final RecordingStore store;

    ForwardingStore(RecordingStore store) {
        this.store = store;
    }

    @Override
    public ObjectInfo put(ObjectKey key, Path file, ObjectAttributes attributes) throws StoreException {
        return store.put(key, file, attributes);
    }

    @Override
    public ObjectInfo put(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        return store.put(key, bytes, attributes);
    }

    @Override
    public ObjectInfo putNew(ObjectKey key, Path file, ObjectAttributes attributes) throws StoreException {
        return store.putNew(key, file, attributes);
    }

    @Override
    public ObjectInfo putNew(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        return store.putNew(key, bytes, attributes);
    }

    @Override
    public ObjectInfo putSealed(ObjectKey key, Path file, ObjectAttributes attributes, boolean knownNew)
            throws StoreException {
        return store.putSealed(key, file, attributes, knownNew);
    }

    @Override
    public List<PutOutcome> putAll(List<ObjectPut> puts) {
        return store.putAll(puts);
    }

    @Override
    public boolean batchesShareWork() {
        return store.batchesShareWork();
    }

    @Override
    public Optional<ObjectInfo> create(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        return store.create(key, bytes, attributes);
    }

    @Override
    public Optional<ObjectInfo> head(ObjectKey key) throws StoreException {
        return store.head(key);
    }

    @Override
    public InputStream get(ObjectKey key, ByteRange range) throws StoreException {
        return store.get(key, range);
    }

    @Override
    public void delete(ObjectKey key, boolean bypassGovernance) throws StoreException {
        store.delete(key, bypassGovernance);
    }

    @Override
    public List<ObjectKey> list(String prefix) throws StoreException {
        return store.list(prefix);
    }

    @Override
    public void setRetention(ObjectKey key, Retention retention, boolean bypassGovernance) throws StoreException {
        store.setRetention(key, retention, bypassGovernance);
    }

    @Override
    public void setLegalHold(ObjectKey key, boolean hold) throws StoreException {
        store.setLegalHold(key, hold);
    }

    /** The store stays open: it belongs to the test. */
    @Override
    public void close() {}
}
