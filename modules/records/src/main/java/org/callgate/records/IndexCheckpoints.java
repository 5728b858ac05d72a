package org.callgate.records;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the index through its {@link RecordWriter} at a fixed interval, on a thread of its own.
 * A commit is the index's durability point; between two, the {@link IndexJournal} names what a
 * crash would leave out, and the next start indexes it again from the store (ADR 0006). A failed
 * commit is logged and tried again at the next interval.
 */
public final class IndexCheckpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexCheckpoints.class);

    private final RecordWriter writer;
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("callgate-index-commit").daemon().factory());

    public IndexCheckpoints(RecordWriter writer, Duration every) {
        this.writer = writer;
        long millis = every.toMillis();
        committer.scheduleWithFixedDelay(this::checkpoint, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try {
            writer.checkpoint();
        } catch (IOException | RuntimeException e) {
            LOG.error("index commit failed; the journal keeps what it covers for the next start", e);
        }
    }

    /** Stops committing; the writer's own close makes the final commit. */
    @Override
    public void close() {
        committer.shutdownNow();
    }
}
