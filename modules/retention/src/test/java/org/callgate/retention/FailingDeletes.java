package org.callgate.retention;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.store.ByteRange;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;
import org.callgate.store.StoreUnavailableException;

/** A real store whose deletes fail, as in an outage, once {@code allowed} of them have been done. */
final class FailingDeletes implements RecordingStore {

    private final RecordingStore store;
    private final AtomicInteger allowed;

    FailingDeletes(RecordingStore store, int allowed) {
        this.store = store;
        this.allowed = new AtomicInteger(allowed);
    }

    @Override
    public void delete(ObjectKey key, boolean bypassGovernance) throws StoreException {
        if (allowed.getAndDecrement() <= 0) {
            throw new StoreUnavailableException("store down (test)", null);
        }
        store.delete(key, bypassGovernance);
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
    public Optional<ObjectInfo> head(ObjectKey key) throws StoreException {
        return store.head(key);
    }

    @Override
    public InputStream get(ObjectKey key, ByteRange range) throws StoreException {
        return store.get(key, range);
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

    @Override
    public void close() {}
}
