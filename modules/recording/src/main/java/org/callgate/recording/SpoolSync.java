package org.callgate.recording;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.callgate.store.FileSystemSync;

/**
 * How the spool makes what it wrote durable before a recording moves on (R7, R8: nothing lost):
 * an fsync of each file, or one {@code syncfs} of the spool's file system shared by every
 * recording that ends meanwhile, and by the file store when it is on the same file system (ADR
 * 0016). The second also makes durable what the first leaves to chance: the entry's first line
 * and the names of the entry and the WAV file in the spool directory.
 */
final class SpoolSync {

    private static final SpoolSync EACH_FILE = new SpoolSync(null);

    /** Null when each file is forced on its own. */
    private final FileSystemSync sync;

    private SpoolSync(FileSystemSync sync) {
        this.sync = sync;
    }

    /** An fsync of each file as it is finished. */
    static SpoolSync eachFile() {
        return EACH_FILE;
    }

    /** One {@code syncfs} of the spool's file system for whatever ended meanwhile. */
    static SpoolSync fileSystem(FileSystemSync sync) {
        return new SpoolSync(sync);
    }

    /** Taken before the first write of what a later {@link #forceAndClose} or {@link #force} makes durable. */
    FileSystemSync.Mark mark() {
        return sync == null ? null : sync.mark();
    }

    /** Makes what was written through {@code channel} durable, and closes it. */
    void forceAndClose(FileChannel channel, FileSystemSync.Mark since) throws IOException {
        if (sync == null) {
            try (FileChannel c = channel) {
                c.force(true);
            }
            return;
        }
        channel.close();
        sync.sync(since);
    }

    /** Makes what was written through {@code channel}, still open, durable. */
    void force(FileChannel channel, FileSystemSync.Mark since) throws IOException {
        if (sync == null) {
            channel.force(true);
        } else {
            sync.sync(since);
        }
    }

    @Override
    public String toString() {
        return sync == null ? "an fsync of each file" : sync.toString();
    }
}
