package org.callgate.sms;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * The outbox's lock: an exclusive lock on {@code <outbox>.lock} beside the outbox, held while a
 * line is appended. The retention purge (module {@code retention}, {@code OutboxPurge}) takes the
 * same lock while it rewrites the outbox without its expired lines (R1), so a send never writes
 * into the file the purge is about to replace, wherever the purge runs: in this process or in
 * another one. A file lock belongs to the whole process, so a second channel of this JVM cannot
 * wait for it ({@link OverlappingFileLockException}): that case is retried every 10 ms here. The
 * lock file is empty and never deleted: deleting it would let two writers lock two different files.
 */
public final class OutboxLock implements AutoCloseable {

    /** How often and how long to wait while another thread of this JVM holds the lock. */
    private static final int ATTEMPTS = 3_000;

    private static final long PAUSE_MILLIS = 10;

    private final FileChannel channel;
    private final FileLock lock;

    private OutboxLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code outbox}. */
    static Path fileOf(Path outbox) {
        return outbox.resolveSibling(outbox.getFileName() + ".lock");
    }

    /** Waits for the lock of {@code outbox} (up to about 30 s against this JVM's other threads). */
    public static OutboxLock acquire(Path outbox, FileAttribute<?>... attributes) throws IOException {
        Path file = fileOf(outbox);
        FileChannel channel =
                FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), attributes);
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
