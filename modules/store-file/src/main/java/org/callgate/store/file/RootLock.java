package org.callgate.store.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The OS file lock on {@code store.lock} that makes one store the only writer of a root. Two
 * stores on one root would each clear the other's temp files on opening and race on metadata.
 * The OS releases it when the process dies, so a crash never leaves the root locked.
 */
final class RootLock implements AutoCloseable {

    private final FileChannel channel;

    private RootLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Takes the lock of the root whose lock file is {@code file}.
     *
     * @throws IOException when another store, in this process or another, holds it
     */
    static RootLock take(Path root, Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("file store " + root + " is in use by another store (" + file + ")");
        }
        return new RootLock(channel);
    }

    @Override
    public void close() {
        FileFailures.closeQuietly(channel); // releases the lock
    }
}
