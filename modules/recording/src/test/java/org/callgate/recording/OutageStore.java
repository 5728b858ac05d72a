package org.callgate.recording;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.store.ByteRange;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectPut;
import org.callgate.store.PutOutcome;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;
import org.callgate.store.StoreUnavailableException;

/** A real store behind a switch: while {@link #down} is set, every call fails as an unreachable store does. */
final class OutageStore implements RecordingStore {

    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger refused = new AtomicInteger();
    /** How many of the next puts of bytes (metadata) fail as if the store went down just before them. */
    final AtomicInteger bytePutsToRefuse = new AtomicInteger();
    /** Puts that stored something. */
    final AtomicInteger puts = new AtomicInteger();
    /** Heads asked. */
    final AtomicInteger heads = new AtomicInteger();

    private final RecordingStore store;

    OutageStore(RecordingStore store) {
        this.store = store;
    }

    private void check() throws StoreUnavailableException {
        if (down.get()) {
            refused.incrementAndGet();
            throw new StoreUnavailableException("connection refused (test outage)");
        }
    }

    @Override
    public ObjectInfo put(ObjectKey key, Path file, ObjectAttributes attributes) throws StoreException {
        check();
        ObjectInfo info = store.put(key, file, attributes);
        puts.incrementAndGet();
        return info;
    }

    @Override
    public ObjectInfo putSealed(ObjectKey key, Path file, ObjectAttributes attributes, boolean knownNew)
            throws StoreException {
        check();
        ObjectInfo info = store.putSealed(key, file, attributes, knownNew);
        puts.incrementAndGet();
        return info;
    }

    @Override
    public ObjectInfo put(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        check();
        if (bytePutsToRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refused.incrementAndGet();
            throw new StoreUnavailableException("connection reset (test outage before the metadata)");
        }
        ObjectInfo info = store.put(key, bytes, attributes);
        puts.incrementAndGet();
        return info;
    }

    /** Whether to pass on the real store's batches, or to put one object at a time as S3 does. */
    volatile boolean sharesBatches = true;

    @Override
    public boolean batchesShareWork() {
        return sharesBatches && store.batchesShareWork();
    }

    /** The size of each batch the real store took at once. */
    final List<Integer> batches = new CopyOnWriteArrayList<>();

    /**
     * The real store's batch while the store is up and no metadata put is to fail; else one put
     * at a time, each going through the outage above.
     */
    @Override
    public List<PutOutcome> putAll(List<ObjectPut> objects) {
        if (down.get() || bytePutsToRefuse.get() > 0) {
            return RecordingStore.super.putAll(objects);
        }
        batches.add(objects.size());
        List<PutOutcome> outcomes = store.putAll(objects);
        outcomes.stream().filter(outcome -> outcome.failure() == null).forEach(outcome -> puts.incrementAndGet());
        return outcomes;
    }

    @Override
    public Optional<ObjectInfo> head(ObjectKey key) throws StoreException {
        check();
        heads.incrementAndGet();
        return store.head(key);
    }

    @Override
    public InputStream get(ObjectKey key, ByteRange range) throws StoreException {
        check();
        return store.get(key, range);
    }

    @Override
    public void delete(ObjectKey key, boolean bypassGovernance) throws StoreException {
        check();
        store.delete(key, bypassGovernance);
    }

    @Override
    public List<ObjectKey> list(String prefix) throws StoreException {
        check();
        return store.list(prefix);
    }

    @Override
    public void setRetention(ObjectKey key, Retention retention, boolean bypassGovernance) throws StoreException {
        check();
        store.setRetention(key, retention, bypassGovernance);
    }

    @Override
    public void setLegalHold(ObjectKey key, boolean hold) throws StoreException {
        check();
        store.setLegalHold(key, hold);
    }

    @Override
    public void close() {
        store.close();
    }
}
