package org.callgate.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes every file written on a file system durable with one {@code syncfs(2)}, shared by every
 * thread that asks at the same time ({@link GroupCommit}): the spool's WAV files and their entries,
 * and the file store's objects, sidecars and directories, instead of an fsync for each of them
 * (ADR 0016). A recording is never acknowledged before its bytes are on disk (R7, R8: nothing
 * lost), and on a virtual machine each fsync is a trip through the block layer and a device cache
 * flush, which cost more CPU than the writes they make durable.
 *
 * <p>A caller takes a {@link Mark} before it writes and passes it to {@link #sync(Mark)} after.
 * {@code syncfs} reports a write-back error of any file on the file system once, to the flush
 * that runs after it; a flush that failed fails every caller it covered, and {@link #sync} also
 * fails a caller whose files a failed flush may have covered since its mark, so that no caller
 * takes a lost write for a durable one.
 *
 * <p>There is one per file system in the process, whatever directory it was asked for.
 */
public final class FileSystemSync {

    private static final ConcurrentHashMap<FileStore, FileSystemSync> BY_FILE_SYSTEM = new ConcurrentHashMap<>();

    private final String what;
    private final GroupCommit commit;

    /** The flushes that had failed when a caller started writing. */
    public record Mark(long failures) {}

    private FileSystemSync(String what, GroupCommit.Flush flush) {
        this.what = what;
        this.commit = new GroupCommit(what, flush);
    }

    /** Empty when {@code syncfs(2)} can be used here; else why not, for the log. */
    public static Optional<String> unavailable() {
        return Syncfs.unavailable();
    }

    /**
     * The sync of the file system that holds {@code dir}.
     *
     * @throws IOException when {@code syncfs(2)} cannot be used here ({@link #unavailable()}), or
     *     {@code dir} cannot be opened
     */
    public static FileSystemSync of(Path dir) throws IOException {
        Optional<String> unavailable = Syncfs.unavailable();
        if (unavailable.isPresent()) {
            throw new IOException("cannot use syncfs(2): " + unavailable.get());
        }
        FileStore fileSystem = Files.getFileStore(dir);
        FileSystemSync known = BY_FILE_SYSTEM.get(fileSystem);
        if (known != null) {
            return known;
        }
        synchronized (BY_FILE_SYSTEM) {
            known = BY_FILE_SYSTEM.get(fileSystem);
            if (known == null) {
                Path opened = dir.toAbsolutePath();
                int fd = Syncfs.open(opened);
                known = new FileSystemSync("the file system of " + opened, () -> Syncfs.sync(fd, opened));
                BY_FILE_SYSTEM.put(fileSystem, known);
            }
            return known;
        }
    }

    /**
     * A sync whose flush is {@code flush} rather than {@code syncfs(2)}: for tests that count,
     * order or fail the flushes of the code they test.
     */
    public static FileSystemSync over(String what, GroupCommit.Flush flush) {
        return new FileSystemSync(what, flush);
    }

    /** Taken before writing the files a later {@link #sync(Mark)} is to make durable. */
    public Mark mark() {
        return new Mark(commit.failures());
    }

    /**
     * Returns once everything written, renamed or deleted on this file system before this call is
     * on disk.
     *
     * @param since taken before the caller's first write
     * @throws IOException when the flush that covered this call failed, or a flush failed after
     *     {@code since}: then the caller's writes may be lost
     */
    public void sync(Mark since) throws IOException {
        long failedBefore = commit.await();
        if (failedBefore != since.failures()) {
            throw new IOException("a write-back error on " + what
                    + " was reported after these files were written; they may not be on disk");
        }
    }

    /** How many flushes have run, for the tests that count them. */
    public long flushes() {
        return commit.flushes();
    }

    @Override
    public String toString() {
        return "syncfs of " + what;
    }
}
