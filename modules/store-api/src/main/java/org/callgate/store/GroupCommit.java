package org.callgate.store;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * One flush shared by every caller that asked for it while another flush was running: group
 * commit, as a database does it with its log. A caller returns once a flush that <em>started
 * after it asked</em> has completed, which is exactly the guarantee of running the flush itself,
 * so callers that arrive together share one flush instead of queueing one each.
 *
 * <p>When a flush fails, every caller it covered gets that failure and none of them runs it
 * again: a file system reports a write-back error once ({@code syncfs(2)} since Linux 5.8 reports
 * each error to a descriptor once), so a second flush would succeed over what the first one lost.
 * {@link #failures()} counts the failed flushes, so that a caller can also learn of a failure that
 * covered its writes before it asked ({@link FileSystemSync.Mark}).
 */
public final class GroupCommit {

    /** The shared work: makes everything written before it started durable, or throws. */
    @FunctionalInterface
    public interface Flush {
        void run() throws IOException;
    }

    private final String what;
    private final Flush flush;
    /** The round callers join now; it starts when no other round is running. */
    private Round next = new Round();

    private boolean running;
    private long flushes;
    private long failures;

    /**
     * @param what what the flush makes durable, for the message of an interrupted wait
     */
    public GroupCommit(String what, Flush flush) {
        this.what = what;
        this.flush = flush;
    }

    /**
     * Returns once a flush that started after this call has completed.
     *
     * @return how many flushes had failed when the caller's flush completed, its own not counted
     * @throws IOException the failure of the caller's flush, which it shares with every other
     *     caller that flush covered
     */
    public long await() throws IOException {
        Round mine;
        synchronized (this) {
            mine = next;
            while (!mine.done && running) {
                awaitQuietly();
            }
            if (mine.done) {
                return mine.outcome();
            }
            running = true;
            next = new Round();
        }
        IOException failure = null;
        try {
            flush.run();
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            failure = new IOException("the flush of " + what + " failed: " + e, e);
        }
        synchronized (this) {
            flushes++;
            if (failure != null) {
                failures++;
            }
            mine.complete(failures, failure);
            running = false;
            notifyAll();
            return mine.outcome();
        }
    }

    /** How many flushes have run, for the tests that count them. */
    public synchronized long flushes() {
        return flushes;
    }

    /** How many flushes have failed since this group commit was made. */
    public synchronized long failures() {
        return failures;
    }

    private void awaitQuietly() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + what + " to reach the disk");
        }
    }

    /** The callers one flush covers, and what became of it. */
    private static final class Round {
        private boolean done;
        private long failuresThen;
        private IOException failure;

        void complete(long failuresThen, IOException failure) {
            this.done = true;
            this.failuresThen = failure == null ? failuresThen : failuresThen - 1;
            this.failure = failure;
        }

        long outcome() throws IOException {
            if (failure != null) {
                // each caller gets its own exception, with the shared one as its cause
                throw new IOException(failure.getMessage(), failure);
            }
            return failuresThen;
        }
    }
}
