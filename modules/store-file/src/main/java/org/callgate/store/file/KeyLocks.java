package org.callgate.store.file;

import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;
import org.callgate.store.ObjectKey;
import org.callgate.store.StoreException;

/**
 * Serialises the changes to one key (put, delete, retention, legal hold), so the check "is there
 * an object?" and the change that follows it are one step. Keys share {@value #STRIPES} locks by
 * hash: a fixed amount of memory, and unrelated keys rarely wait on each other.
 */
final class KeyLocks {

    /** A change to one key, run while no other thread changes that key. */
    interface KeyAction<T> {
        T run() throws StoreException;
    }

    /**
     * Enough that a batch's keys (up to 64 recordings' audio or metadata) hold few of them: a
     * single put of another key rarely waits for a batch's fsyncs.
     */
    private static final int STRIPES = 1024;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    KeyLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Runs {@code action} while no other thread changes any of {@code keys}: their stripes are
     * taken in ascending order, each once, so two threads locking overlapping sets cannot deadlock.
     */
    void lockedAll(Collection<ObjectKey> keys, Runnable action) {
        int[] taken =
                keys.stream().mapToInt(KeyLocks::stripe).distinct().sorted().toArray();
        int locked = 0;
        try {
            for (int stripe : taken) {
                stripes[stripe].lock();
                locked++;
            }
            action.run();
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                stripes[taken[i]].unlock();
            }
        }
    }

    private static int stripe(ObjectKey key) {
        return Math.floorMod(key.hashCode(), STRIPES);
    }

    <T> T locked(ObjectKey key, KeyAction<T> action) throws StoreException {
        ReentrantLock lock = stripes[stripe(key)];
        lock.lock();
        try {
            return action.run();
        } finally {
            lock.unlock();
        }
    }
}
