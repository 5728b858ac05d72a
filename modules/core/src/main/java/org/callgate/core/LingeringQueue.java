package org.callgate.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Gathers items into batches, as a database gathers commits ({@code commit_delay}) or a Kafka
 * producer records ({@code linger.ms}): the first item waits up to a linger for others, and one
 * batch then takes every item waiting, up to a maximum, or its share when several threads take
 * batches. At most one batch is scheduled and not yet started; batches already started run on,
 * so with several threads a backlog is taken by several batches at once. Thread-safe.
 *
 * <p>The recording uploader gathers ended recordings with it, the trace writer ended calls'
 * traces: a batch shares the store's and the journal's fsyncs, which cost more than the writes.
 *
 * @param <T> the items
 */
public final class LingeringQueue<T> {

    /** Runs a task after a delay; throws {@link RejectedExecutionException} once shut down. */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Runnable task, Duration delay);
    }

    private final Scheduler scheduler;
    private final Duration linger;
    private final int maxBatch;
    private final int takers;
    private final AtomicInteger size = new AtomicInteger();
    private final Consumer<List<T>> batches;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    /** Whether a batch is scheduled and has not started taking from the queue yet. */
    private final AtomicBoolean waiting = new AtomicBoolean();

    /**
     * @param scheduler runs each batch, on a thread of its own: batches may run at once
     * @param takers how many threads take batches: a backlog of more than one item is shared
     *     among them, so that a store that gains from parallel requests (S3) gets them; 1 to keep
     *     batches as large as they can be
     * @param batches given each batch, in the order its items were added
     */
    public LingeringQueue(Scheduler scheduler, Duration linger, int maxBatch, int takers, Consumer<List<T>> batches) {
        if (maxBatch < 1 || takers < 1) {
            throw new IllegalArgumentException(
                    "a batch holds at least one item, and one thread takes them: " + maxBatch + ", " + takers);
        }
        this.scheduler = scheduler;
        this.linger = linger;
        this.maxBatch = maxBatch;
        this.takers = takers;
        this.batches = batches;
    }

    /**
     * Queues {@code item} for a batch that starts within the linger.
     *
     * @throws RejectedExecutionException when the scheduler is shut down (or whatever else it
     *     throws); the item stays queued, and the next item added schedules a batch again
     */
    public void add(T item) {
        queue.add(item);
        size.incrementAndGet();
        schedule(linger, 0);
    }

    /** Items queued and not yet taken by a batch. */
    public int size() {
        return Math.max(0, size.get()); // an add and a take may pass each other
    }

    /** Takes every item waiting now, batch after batch, on the calling thread: at shutdown. */
    public void flush() {
        for (List<T> batch = poll(maxBatch); !batch.isEmpty(); batch = poll(maxBatch)) {
            batches.accept(batch);
        }
    }

    private void schedule(Duration delay, int share) {
        if (waiting.compareAndSet(false, true)) {
            try {
                scheduler.schedule(() -> takeBatch(share), delay);
            } catch (RuntimeException e) {
                waiting.set(false);
                throw e;
            }
        }
    }

    /**
     * Takes a batch: after the linger, an equal share of what waits for each taker (at most
     * {@code maxBatch}), and what is left goes at once in batches of that share.
     *
     * @param share the round's share, or 0 when this batch starts a round
     */
    private void takeBatch(int share) {
        // cleared before taking: an item added from here on schedules the next batch itself
        waiting.set(false);
        int limit = share > 0 ? share : Math.min(maxBatch, Math.max(1, (size.get() + takers - 1) / takers));
        List<T> batch = poll(limit);
        try {
            if (!queue.isEmpty()) {
                schedule(Duration.ZERO, limit); // more than a batch waited: the rest goes at once
            }
        } catch (RuntimeException closed) {
            // shutting down: what is queued stays where its owner keeps it
        } finally {
            if (!batch.isEmpty()) {
                batches.accept(batch);
            }
        }
    }

    private List<T> poll(int limit) {
        List<T> batch = new ArrayList<>(limit);
        for (T next = queue.poll(); next != null; next = batch.size() < limit ? queue.poll() : null) {
            size.decrementAndGet();
            batch.add(next);
        }
        return batch;
    }
}
