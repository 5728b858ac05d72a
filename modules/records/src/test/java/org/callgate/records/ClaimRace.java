package org.callgate.records;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * Makes writers on several nodes claim a dossier version at the same moment: the first claim of a
 * version by each of {@code racers} waits until all of them have arrived (a latch, not a delay),
 * so each has read the same version before any claims its successor. Later claims pass at once.
 */
final class ClaimRace {

    private final int racers;
    private final CountDownLatch arrived;
    private final AtomicInteger arrivals = new AtomicInteger();

    ClaimRace(int racers) {
        this.racers = racers;
        this.arrived = new CountDownLatch(racers);
    }

    /** {@code store} as one racer sees it. */
    RecordingStore through(RecordingStore store) {
        return new ForwardingStore(store) {
            @Override
            public Optional<ObjectInfo> create(ObjectKey key, byte[] bytes, ObjectAttributes attributes)
                    throws StoreException {
                if (key.value().startsWith(DossierVersions.PREFIX)) {
                    meet();
                }
                return super.create(key, bytes, attributes);
            }
        };
    }

    private void meet() {
        if (arrivals.getAndIncrement() >= racers) {
            return;
        }
        arrived.countDown();
        try {
            if (!arrived.await(60, TimeUnit.SECONDS)) { // only when a racer never came: the test fails
                throw new IllegalStateException("the other racers never claimed a version");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
