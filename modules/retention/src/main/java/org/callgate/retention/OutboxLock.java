package org.callgate.retention;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The SMS outbox's lock, the same protocol as the sender's ({@code org.callgate.sms.OutboxLock},
 * which this module may not use): an exclusive lock on the empty file {@code <outbox>.lock},
 * never deleted. The sender takes it before it opens the outbox to append a line, the purge
 * while it reads the outbox and replaces it. A file lock belongs to the whole process, so a lock
 * held by another thread of this JVM cannot be waited for; that case is retried every 10 ms.
 */
final class OutboxLock implements AutoCloseable {

    private static final int ATTEMPTS = 3_000;
    private static final long PAUSE_MILLIS = 10;

    private final FileChannel channel;
    private final FileLock lock;

    private OutboxLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock of {@code outbox} (up to about 30 s against this JVM's other threads). */
    static OutboxLock acquire(Path outbox) throws IOException {
        Path file = outbox.resolveSibling(outbox.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try {
                    return new OutboxLock(channel, channel.lock());
                } catch (OverlappingFileLockException heldInThisJvm) {
                    pause();
                }
            }
            throw new IOException("outbox lock " + file + " still held by another thread after 30 s");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the outbox lock", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
