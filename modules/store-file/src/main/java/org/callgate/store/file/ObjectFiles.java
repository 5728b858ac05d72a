package org.callgate.store.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.callgate.store.ByteRange;
import org.callgate.store.ObjectExistsException;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an object's two files are read, written and removed, with each {@link IOException} turned
 * into the store's own exception ({@link FileFailures}), but for missing bytes on a read, which
 * only the store can explain. Each file reaches its place by temp file, fsync and atomic rename
 * ({@link AtomicFiles}), and a delete removes the metadata, which makes the object exist, before
 * the bytes. Whether a change may happen at all (the key lock, objects written once, retention
 * and legal hold, R7, R8, R19) is {@link FileRecordingStore}'s to decide; this class exists so
 * that the store's methods read as those rules and nothing else.
 */
final class ObjectFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectFiles.class);

    private final StoreLayout layout;
    /** Whether sealed files are linked rather than copied; off after the first refusal. */
    private volatile boolean linking = true;

    ObjectFiles(StoreLayout layout) {
        this.layout = layout;
    }

    /** The object whose metadata {@code meta/<key>.json} holds, or empty when there is none. */
    Optional<ObjectInfo> readMetadata(ObjectKey key) throws StoreException {
        Path meta = layout.metadata(key);
        byte[] json;
        try {
            json = Files.readAllBytes(meta);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw FileFailures.unavailable("read", meta, e);
        }
        try {
            return Optional.of(MetadataJson.read(key, json));
        } catch (IllegalArgumentException e) {
            throw new StoreException("corrupt metadata " + meta + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the metadata of {@code info.key()} with {@code info}, durably and atomically. */
    void writeMetadata(ObjectInfo info) throws StoreException {
        Path temp = stageMetadata(info, true);
        try {
            move(temp, layout.metadata(info.key()));
        } finally {
            AtomicFiles.deleteQuietly(temp);
        }
    }

    /**
     * The metadata of {@code info.key()} in a temp file for the caller to rename into place; forced
     * to disk when {@code force}, else left to the caller's sync of the file system.
     */
    Path stageMetadata(ObjectInfo info, boolean force) throws StoreException {
        try {
            return AtomicFiles.writeTemp(layout.tmp(), MetadataJson.write(info), force);
        } catch (IOException e) {
            throw FileFailures.unavailable("write the metadata of " + info.key() + " to", layout.tmp(), e);
        }
    }

    /**
     * Objects are written once: refuses a key whose metadata exists, which is when its object does.
     * Before it says so, it forces the object's two directories: an earlier put may have renamed
     * the metadata into place and then failed to force its directory, and a caller that retries
     * counts an object it is refused as stored (the uploader, when the digests match) and may
     * delete its own copy.
     */
    void refuseExisting(ObjectKey key) throws StoreException {
        Path meta = layout.metadata(key);
        if (Files.exists(meta)) {
            force(layout.data(key).getParent());
            force(meta.getParent());
            throw new ObjectExistsException(key + " already holds an object in " + layout.root());
        }
    }

    /**
     * The bytes to store as {@code key}, copied to a temp file and measured; forced to disk when
     * {@code force}, else left to the caller's sync of the file system.
     */
    AtomicFiles.Written copyToTemp(ObjectKey key, InputStream in, boolean force) throws StoreException {
        try {
            return AtomicFiles.copyToTemp(layout.tmp(), in, force);
        } catch (IOException e) {
            throw FileFailures.unavailable("write " + key + " to", layout.tmp(), e);
        }
    }

    /** {@code bytes}, to store as {@code key}, in a temp file, measured; forced when {@code force}. */
    AtomicFiles.Written bytesToTemp(ObjectKey key, byte[] bytes, boolean force) throws StoreException {
        try {
            return AtomicFiles.bytesToTemp(layout.tmp(), bytes, force);
        } catch (IOException e) {
            throw FileFailures.unavailable("write " + key + " to", layout.tmp(), e);
        }
    }

    /**
     * A second name in {@code tmp/} for a sealed file, measured; empty when this file system cannot
     * link it there, from which on the store copies (said once in the log).
     *
     * @throws StoreException when there is no such file
     */
    Optional<AtomicFiles.Written> linkToTemp(ObjectKey key, Path file) throws StoreException {
        if (!linking) {
            return Optional.empty();
        }
        try {
            return Optional.of(AtomicFiles.linkToTemp(layout.tmp(), file));
        } catch (NoSuchFileException e) {
            throw new StoreException("no file " + file + " to store as " + key, e);
        } catch (IOException | UnsupportedOperationException e) {
            linking = false;
            LOG.info(
                    "cannot link {} into {} ({}): sealed files are copied into this store from now on",
                    file,
                    layout.tmp(),
                    e instanceof IOException io ? FileFailures.reason(io) : e.toString());
            return Optional.empty();
        }
    }

    /** Renames {@code temp}, written and forced, to {@code target}, replacing it ({@link AtomicFiles#moveInto}). */
    static void move(Path temp, Path target) throws StoreException {
        try {
            AtomicFiles.moveInto(temp, target);
        } catch (IOException e) {
            throw FileFailures.unavailable("move " + temp + " to", target, e);
        }
    }

    /** {@link #move} without forcing the directory: the rename is durable once {@link #force} has. */
    static void rename(Path temp, Path target) throws StoreException {
        try {
            AtomicFiles.renameInto(temp, target);
        } catch (IOException e) {
            throw FileFailures.unavailable("move " + temp + " to", target, e);
        }
    }

    /** Makes every rename into {@code dir} so far durable. */
    static void force(Path dir) throws StoreException {
        try {
            AtomicFiles.syncDirectory(dir);
        } catch (IOException e) {
            throw FileFailures.unavailable("force", dir, e);
        }
    }

    /**
     * A stream over {@code range} of the bytes {@code info} describes.
     *
     * @throws NoSuchFileException when the bytes are missing, which only the caller can explain:
     *     the object may have been deleted since {@code info} was read
     */
    InputStream readBytes(ObjectInfo info, ByteRange range) throws StoreException, NoSuchFileException {
        Path data = layout.data(info.key());
        FileChannel channel = open(data);
        try {
            return RangeInputStream.over(info, channel, range);
        } catch (IOException e) {
            FileFailures.closeQuietly(channel);
            throw FileFailures.unavailable("read", data, e);
        } catch (StoreException | RuntimeException e) {
            FileFailures.closeQuietly(channel);
            throw e;
        }
    }

    private static FileChannel open(Path data) throws StoreException, NoSuchFileException {
        try {
            return FileChannel.open(data, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw FileFailures.unavailable("open", data, e);
        }
    }

    /** Deletes the metadata, from which on the object no longer exists, then its bytes. */
    void delete(ObjectKey key) throws StoreException {
        Path meta = layout.metadata(key);
        try {
            AtomicFiles.deleteDurably(meta); // from here on the object no longer exists
        } catch (IOException e) {
            throw FileFailures.unavailable("delete", meta, e);
        }
        deleteOrphan(layout.data(key));
    }

    /** Bytes left behind are invisible and replaced by the next put of the key: worth a warning only. */
    private static void deleteOrphan(Path data) {
        try {
            AtomicFiles.deleteDurably(data);
        } catch (IOException e) {
            LOG.warn("cannot delete {} of a deleted object; left as an orphan: {}", data, FileFailures.reason(e));
        }
    }
}
