package org.callgate.bench;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.callgate.store.ByteRange;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;

/**
 * A {@link RecordingStore} that adds up the wall-clock time spent in the store and counts the
 * objects deleted, so that {@link PurgeBench} can tell the purge's store work from its index work.
 */
@SuppressForbidden("a benchmark measures wall-clock time")
final class TimedStore implements RecordingStore {

    @FunctionalInterface
    private interface StoreCall<T> {
        T call() throws StoreException;
    }

    private final RecordingStore store;
    private final Thread caller;
    private long nanos;
    private long otherNanos;
    private long deletes;
    private long firstDeleteStart = Long.MAX_VALUE;
    private long lastDeleteEnd = Long.MIN_VALUE;

    TimedStore(RecordingStore store) {
        this.store = store;
        this.caller = Thread.currentThread();
    }

    /** Nanoseconds spent in the store by the thread that made this wrapper (the purge's own thread). */
    synchronized long nanos() {
        return nanos;
    }

    /** Nanoseconds spent in the store by other threads (the purge's delete threads), added up. */
    synchronized long otherNanos() {
        return otherNanos;
    }

    /** Objects deleted since the last reset. */
    synchronized long deletes() {
        return deletes;
    }

    /** When the first delete started ({@link System#nanoTime()}), or {@link Long#MAX_VALUE} before any. */
    synchronized long firstDeleteStart() {
        return firstDeleteStart;
    }

    /** When the last delete ended ({@link System#nanoTime()}), or {@link Long#MIN_VALUE} before any. */
    synchronized long lastDeleteEnd() {
        return lastDeleteEnd;
    }

    private <T> T timed(StoreCall<T> call) throws StoreException {
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            add(System.nanoTime() - start);
        }
    }

    private synchronized void add(long n) {
        if (Thread.currentThread() == caller) {
            nanos += n;
        } else {
            otherNanos += n;
        }
    }

    @Override
    public ObjectInfo put(ObjectKey key, Path file, ObjectAttributes attributes) throws StoreException {
        return timed(() -> store.put(key, file, attributes));
    }

    @Override
    public ObjectInfo put(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        return timed(() -> store.put(key, bytes, attributes));
    }

    @Override
    public ObjectInfo putNew(ObjectKey key, Path file, ObjectAttributes attributes) throws StoreException {
        return timed(() -> store.putNew(key, file, attributes));
    }

    @Override
    public ObjectInfo putSealed(ObjectKey key, Path file, ObjectAttributes attributes, boolean knownNew)
            throws StoreException {
        return timed(() -> store.putSealed(key, file, attributes, knownNew));
    }

    /** As the store timed: its single puts are what this times, one by one. */
    @Override
    public boolean batchesShareWork() {
        return store.batchesShareWork();
    }

    @Override
    public ObjectInfo putNew(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        return timed(() -> store.putNew(key, bytes, attributes));
    }

    @Override
    public Optional<ObjectInfo> head(ObjectKey key) throws StoreException {
        return timed(() -> store.head(key));
    }

    @Override
    public InputStream get(ObjectKey key, ByteRange range) throws StoreException {
        return timed(() -> store.get(key, range));
    }

    @Override
    public void delete(ObjectKey key, boolean bypassGovernance) throws StoreException {
        long start = System.nanoTime();
        synchronized (this) {
            firstDeleteStart = Math.min(firstDeleteStart, start);
        }
        try {
            timed(() -> {
                store.delete(key, bypassGovernance);
                return null;
            });
            synchronized (this) {
                deletes++;
            }
        } finally {
            long end = System.nanoTime();
            synchronized (this) {
                lastDeleteEnd = Math.max(lastDeleteEnd, end);
            }
        }
    }

    @Override
    public List<ObjectKey> list(String prefix) throws StoreException {
        return timed(() -> store.list(prefix));
    }

    @Override
    public void setRetention(ObjectKey key, Retention retention, boolean bypassGovernance) throws StoreException {
        timed(() -> {
            store.setRetention(key, retention, bypassGovernance);
            return null;
        });
    }

    @Override
    public void setLegalHold(ObjectKey key, boolean hold) throws StoreException {
        timed(() -> {
            store.setLegalHold(key, hold);
            return null;
        });
    }

    @Override
    public void close() {
        store.close();
    }
}
