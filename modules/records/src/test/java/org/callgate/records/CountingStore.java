package org.callgate.records;

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

/** A store that counts the requests made to it: what following the other nodes costs at rest (ADR 0018). */
final class CountingStore implements RecordingStore {

    final AtomicInteger heads = new AtomicInteger();
    final AtomicInteger lists = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger creates = new AtomicInteger();
    private final RecordingStore store;

    CountingStore(RecordingStore store) {
        this.store = store;
    }

    int requests() {
        return heads.get() + lists.get() + reads.get();
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
    public Optional<ObjectInfo> create(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        creates.incrementAndGet();
        return store.create(key, bytes, attributes);
    }

    @Override
    public Optional<ObjectInfo> head(ObjectKey key) throws StoreException {
        heads.incrementAndGet();
        return store.head(key);
    }

    @Override
    public InputStream get(ObjectKey key, ByteRange range) throws StoreException {
        reads.incrementAndGet();
        return store.get(key, range);
    }

    @Override
    public void delete(ObjectKey key, boolean bypassGovernance) throws StoreException {
        store.delete(key, bypassGovernance);
    }

    @Override
    public List<ObjectKey> list(String prefix) throws StoreException {
        lists.incrementAndGet();
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
