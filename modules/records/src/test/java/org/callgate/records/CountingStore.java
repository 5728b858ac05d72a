package org.callgate.records;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.store.ByteRange;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/** A store that counts the requests made to it: what following the other nodes costs at rest (ADR 0018). */
final class CountingStore extends ForwardingStore {

    final AtomicInteger heads = new AtomicInteger();
    final AtomicInteger lists = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger creates = new AtomicInteger();

    CountingStore(RecordingStore store) {
        super(store);
    }

    int requests() {
        return heads.get() + lists.get() + reads.get();
    }

    @Override
    public Optional<ObjectInfo> create(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        creates.incrementAndGet();
        return super.create(key, bytes, attributes);
    }

    @Override
    public Optional<ObjectInfo> head(ObjectKey key) throws StoreException {
        heads.incrementAndGet();
        return super.head(key);
    }

    @Override
    public InputStream get(ObjectKey key, ByteRange range) throws StoreException {
        reads.incrementAndGet();
        return super.get(key, range);
    }

    @Override
    public List<ObjectKey> list(String prefix) throws StoreException {
        lists.incrementAndGet();
        return super.list(prefix);
    }
}
