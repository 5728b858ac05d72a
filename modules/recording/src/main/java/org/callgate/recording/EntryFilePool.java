package org.callgate.recording;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spool entry files, recycled: a stored recording's entry file is emptied and kept in {@code
 * .free/} for the next recording, instead of being deleted and a new one created, as PostgreSQL
 * recycles its WAL segments. A busy gateway starts and stores hundreds of recordings a second. On
 * ext4 without a journal, every inode freed makes each new file skip it for the next five minutes
 * or so, and inode allocation became the largest cost of a recording (docs/benchmarks.md); a
 * recycled file costs a truncate and two renames. At most {@value #CAPACITY} files wait in the
 * pool; beyond that, they are deleted.
 *
 * <p>A pool file is empty before it enters the pool, and becomes an entry by an atomic rename, so
 * a crash leaves at worst an empty entry file and no audio (the WAV is created after its entry and
 * deleted before it), which {@link RecordingSpool#recover()} returns to the pool.
 */
final class EntryFilePool {

    static final int CAPACITY = 256;
    static final String DIRECTORY = ".free";

    private final Path pool;
    private final Queue<Path> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong names = new AtomicLong();
    /** Names this run gives pool files start with it, so they never meet an earlier run's. */
    private final String run = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);

    /** Opens the pool under {@code spool}, taking in the empty files an earlier run left there. */
    EntryFilePool(Path spool) throws IOException {
        this.pool = Files.createDirectories(spool.resolve(DIRECTORY));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pool)) {
            for (Path file : files) {
                if (Files.size(file) == 0 && free.size() < CAPACITY) {
                    free.add(file);
                    size.incrementAndGet();
                } else {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Makes {@code entry} an empty file, recycled when the pool has one; returns whether the file
     * came from the pool (else it is new).
     *
     * @throws FileAlreadyExistsException when {@code entry} exists
     */
    boolean create(Path entry) throws IOException {
        for (Path file = take(); file != null; file = take()) {
            try {
                Files.move(file, entry, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (NoSuchFileException gone) {
                // removed under us (an operator cleaning up): try the next
            }
        }
        Files.createFile(entry);
        return false;
    }

    /** Empties the entry file of a stored recording and keeps it for the next one. */
    void recycle(Path entry) throws IOException {
        if (size.get() >= CAPACITY) {
            Files.deleteIfExists(entry);
            return;
        }
        try (FileChannel channel = FileChannel.open(entry, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        } catch (NoSuchFileException gone) {
            return;
        }
        Path file = pool.resolve(run + "-" + names.incrementAndGet() + ".entry");
        Files.move(entry, file, StandardCopyOption.ATOMIC_MOVE);
        free.add(file);
        size.incrementAndGet();
    }

    /** Files waiting in the pool. */
    int size() {
        return size.get();
    }

    private Path take() {
        Path file = free.poll();
        if (file != null) {
            size.decrementAndGet();
        }
        return file;
    }
}
