package org.callgate.store.file;

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

    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    KeyLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    <T> T locked(ObjectKey key, KeyAction<T> action) throws StoreException {
        ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            return action.run();
        } finally {
            lock.unlock();
        }
    }
}
