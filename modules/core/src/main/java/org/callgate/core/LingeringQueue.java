package org.callgate.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Gathers items into batches, as a database gathers commits ({@code commit_delay}) or a Kafka
 * producer records ({@code linger.ms}): the first item waits up to a linger for others, and one
 * batch then takes every item waiting, up to a maximum. At most one batch is scheduled and not
 * yet started; batches already started run on, so with several threads a backlog is taken by
 * several batches at once. Thread-safe.
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
    private final Consumer<List<T>> batches;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    /** Whether a batch is scheduled and has not started taking from the queue yet. */
    private final AtomicBoolean waiting = new AtomicBoolean();

    /**
     * @param scheduler runs each batch, on a thread of its own: batches may run at once
     * @param batches given each batch, in the order its items were added
     */
    public LingeringQueue(Scheduler scheduler, Duration linger, int maxBatch, Consumer<List<T>> batches) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one item: " + maxBatch);
        }
        this.scheduler = scheduler;
        this.linger = linger;
        this.maxBatch = maxBatch;
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
        schedule(linger);
    }

    /** Items queued and not yet taken by a batch. */
    public int size() {
        return queue.size();
    }

    /** Takes every item waiting now, batch after batch, on the calling thread: at shutdown. */
    public void flush() {
        for (List<T> batch = poll(); !batch.isEmpty(); batch = poll()) {
            batches.accept(batch);
        }
    }

    private void schedule(Duration delay) {
        if (waiting.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::takeBatch, delay);
            } catch (RuntimeException e) {
                waiting.set(false);
                throw e;
            }
        }
    }

    private void takeBatch() {
        // cleared before taking: an item added from here on schedules the next batch itself
        waiting.set(false);
        List<T> batch = poll();
        try {
            if (!queue.isEmpty()) {
                schedule(Duration.ZERO); // more than a batch waited: the rest goes at once
            }
        } catch (RuntimeException closed) {
            // shutting down: what is queued stays where its owner keeps it
        } finally {
            if (!batch.isEmpty()) {
                batches.accept(batch);
            }
        }
    }

    private List<T> poll() {
        List<T> batch = new ArrayList<>();
        for (T next = queue.poll(); next != null; next = batch.size() < maxBatch ? queue.poll() : null) {
            batch.add(next);
        }
        return batch;
    }
}
