package org.callgate.index.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the cluster in bulk requests, the way it is fast: puts and deletes wait here, in
 * order, until {@link #MAX_OPERATIONS} are waiting, {@link #FLUSH_EVERY} has passed, or a caller
 * flushes (a refresh, a commit, a query that must see every write).
 *
 * <p>A bulk request the cluster does not take (a node down, no answer), and each write in it the
 * cluster refuses for now (a write block, a full queue, a server error), stays at the head of the
 * queue and is sent again at the next flush, so nothing is dropped while the cluster fails over;
 * {@link #flush()} throws meanwhile, so the record writer's journal keeps those records until a
 * commit succeeds (DESIGN §2). A single document the cluster refuses for good (a mapping
 * conflict) is logged with its id and left out: sending it again would fail again.
 */
final class BulkBuffer implements AutoCloseable {

    static final int MAX_OPERATIONS = 1_000;
    static final Duration FLUSH_EVERY = Duration.ofMillis(200);

    private static final Logger LOG = LoggerFactory.getLogger(BulkBuffer.class);
    /** An older dossier version than the one indexed: the newer one stays (external versioning). */
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";
    /** The index is read-only for now (a full disk, an operator's block): kept and sent again. */
    private static final String CLUSTER_BLOCK = "cluster_block_exception";

    private final OpenSearchClient client;
    private final String index;
    private final Object sending = new Object();
    private final ScheduledExecutorService flusher;
    private List<BulkOperation> waiting = new ArrayList<>();

    BulkBuffer(OpenSearchClient client, String index) {
        this.client = client;
        this.index = index;
        this.flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("opensearch-bulk-" + index).factory());
        long every = FLUSH_EVERY.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void add(BulkOperation operation) {
        boolean full;
        synchronized (this) {
            waiting.add(operation);
            full = waiting.size() >= MAX_OPERATIONS;
        }
        if (full) {
            flushQuietly();
        }
    }

    /**
     * Sends every operation added so far and returns once the cluster has taken them (each is then
     * in the translog of its primary and replicas).
     *
     * @throws UncheckedIOException when the cluster did not take them; they stay queued
     */
    void flush() {
        synchronized (sending) {
            List<BulkOperation> batch = take();
            if (batch.isEmpty()) {
                return;
            }
            try {
                BulkResponse response = client.bulk(b -> b.index(index).operations(batch));
                if (response.errors()) {
                    List<BulkOperation> again = refused(batch, response.items());
                    if (!again.isEmpty()) {
                        giveBack(again);
                        throw new UncheckedIOException(new IOException("index " + index + ": " + again.size()
                                + " writes not taken by the cluster for now, kept to send again"));
                    }
                }
            } catch (IOException | OpenSearchException e) {
                giveBack(batch);
                throw new UncheckedIOException(
                        "index " + index + ": " + batch.size()
                                + " writes not taken by the cluster, kept to send again: " + e.getMessage(),
                        e instanceof IOException io ? io : new IOException(e));
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (UncheckedIOException e) {
            LOG.warn("{}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("index {}: bulk write failed", index, e);
        }
    }

    private synchronized List<BulkOperation> take() {
        List<BulkOperation> batch = waiting;
        waiting = new ArrayList<>();
        return batch;
    }

    private synchronized void giveBack(List<BulkOperation> batch) {
        batch.addAll(waiting);
        waiting = batch;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    /**
     * Logs what the cluster refused for good and returns the operations it refused for now: a
     * write block, a full queue (429) or a server error (5xx), which it will take later.
     */
    private List<BulkOperation> refused(List<BulkOperation> batch, List<BulkResponseItem> items) {
        List<BulkOperation> again = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null || VERSION_CONFLICT.equals(item.error().type())) {
                continue;
            }
            if (item.status() == 429
                    || item.status() >= 500
                    || CLUSTER_BLOCK.equals(item.error().type())) {
                again.add(batch.get(i));
                continue;
            }
            LOG.error(
                    "index {}: the cluster refused {} of {}: {} {}",
                    index,
                    item.operationType(),
                    item.id(),
                    item.error().type(),
                    item.error().reason());
        }
        return again;
    }

    /** Stops the timer and sends what waits. */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
