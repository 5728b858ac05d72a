package org.callgate.store.file;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forces directories to disk with group commit: one fsync of a directory makes durable every name
 * added to or removed from it before that fsync started, so threads that renamed into the same
 * directory while an fsync of it was running share the next one instead of queueing one each. A
 * busy store renames several objects a second into each day's directory, and on a virtual machine
 * every fsync costs a trip through the block layer and an interrupt.
 *
 * <p>A caller asks after its own change (a rename, a delete), takes a ticket, and returns once an
 * fsync that started after its ticket has completed: exactly the guarantee of forcing the
 * directory itself. When that fsync fails, every caller it would have covered tries again itself,
 * so each one sees its own failure.
 */
final class DirectorySync {

    /** How a directory is forced: an fsync, or a test's stand-in. */
    @FunctionalInterface
    interface Forcer {
        void force(Path dir) throws IOException;
    }

    private final ConcurrentHashMap<Path, Directory> directories = new ConcurrentHashMap<>();
    private final Forcer forcer;

    DirectorySync() {
        this(DirectorySync::fsync);
    }

    DirectorySync(Forcer forcer) {
        this.forcer = forcer;
    }

    private static void fsync(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** How many times {@code dir} was forced, for the tests that count barriers. */
    long forcesOf(Path dir) {
        Directory d = directories.get(dir);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            return d.forces;
        }
    }

    /** Returns once every change made in {@code dir} before this call is on disk. */
    void force(Path dir) throws IOException {
        Directory d = directories.computeIfAbsent(dir, Directory::new);
        long ticket;
        synchronized (d) {
            ticket = ++d.requested;
            while (d.synced < ticket && d.running) {
                awaitQuietly(d);
            }
            if (d.synced >= ticket) {
                return;
            }
            d.running = true;
        }
        d.runFor(forcer);
    }

    private static void awaitQuietly(Directory d) throws InterruptedIOException {
        try {
            d.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + d.path + " was forced to disk");
        }
    }

    /** One directory's tickets: those handed out, and the newest one a completed fsync covers. */
    private static final class Directory {
        private final Path path;
        private long requested;
        private long synced;
        private boolean running;
        private long forces;

        Directory(Path path) {
            this.path = path;
        }

        /** Runs one fsync covering every ticket handed out so far. */
        void runFor(Forcer forcer) throws IOException {
            long covers;
            synchronized (this) {
                covers = requested;
            }
            boolean done = false;
            try {
                forcer.force(path);
                done = true;
            } finally {
                synchronized (this) {
                    running = false;
                    if (done) {
                        forces++;
                        synced = Math.max(synced, covers);
                    }
                    notifyAll();
                }
            }
        }
    }
}
