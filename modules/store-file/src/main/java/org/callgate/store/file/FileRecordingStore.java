package org.callgate.store.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callgate.store.ByteRange;
import org.callgate.store.FileSystemSync;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectExistsException;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.ObjectPut;
import org.callgate.store.PutOutcome;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.RetentionLockedException;
import org.callgate.store.StoreException;
import org.callgate.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link RecordingStore}: every object as two files under one root directory, so a
 * single callgate needs no object-store server. {@code objects/<key>} holds the bytes and {@code
 * meta/<key>.json} the attributes (content type, size, SHA-256, retention class, retain-until, lock
 * mode, legal hold, tags).
 *
 * <p><b>Nothing half-written, nothing lost.</b> Each file is written to {@code tmp/}, forced to
 * disk, renamed into place atomically and its directory forced, bytes first, then metadata. An
 * object exists exactly when its metadata does, so a crash between the two leaves an orphan data
 * file that {@link #list} ignores and the next put of that key replaces; temp files a crash leaves
 * behind are removed when the store is opened. {@link #put} returns once both files are durable;
 * {@link #putAll} takes a batch through the same steps together, forcing each directory once for
 * the batch ({@link BatchPut}).
 * A sealed file ({@link #putSealed}: a recording the spool forced to disk and never writes again)
 * is linked into place rather than copied, when the spool is on the store's file system.
 *
 * <p><b>Retention is enforced here, as S3 Object Lock would.</b> A {@code COMPLIANCE} object, such
 * as a banking recording kept 10 years (R8), cannot be deleted before its retain-until by anyone;
 * a {@code GOVERNANCE} one, such as a sampled recording kept at most 6 months (R7), only with the
 * governance bypass; nothing under legal hold can be deleted at all (R19). Time comes from the
 * {@link Clock} given, so tests can jump past a retain-until.
 *
 * <p>Thread-safe: changes to one key are serialised by a lock stripe, reads take no lock. One
 * process owns a root: it holds {@code store.lock} until {@link #close()}, and a second store on
 * the same root fails to open. A key can name a file or, as the prefix of longer keys, a
 * directory, not both: {@code a} and {@code a/b} cannot be stored together (S3 would allow it).
 */
public final class FileRecordingStore implements RecordingStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileRecordingStore.class);

    private final StoreLayout layout;
    private final ObjectFiles files;
    private final BatchPut batch;
    /** Null when each file and directory is forced on its own. */
    private final FileSystemSync sync;

    private final Clock clock;
    private final KeyLocks locks = new KeyLocks();
    private final RootLock rootLock;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Opens the store at {@code root}, creating its directories where missing, and removes the
     * temp files an earlier run left behind.
     *
     * @throws IOException when the root cannot be created or another store holds it
     */
    public FileRecordingStore(Path root, Clock clock) throws IOException {
        this(root, clock, null);
    }

    /**
     * Opens the store at {@code root} as {@link #FileRecordingStore(Path, Clock)} does; a batch
     * ({@link #putAll}) is made durable by {@code sync}, two {@code syncfs} calls a batch, instead
     * of an fsync of each file and directory (ADR 0016). Single puts and changes still force
     * their own files.
     *
     * @param sync the sync of {@code root}'s file system, or null to force each file and directory
     * @throws IOException when the root cannot be created or another store holds it
     */
    public FileRecordingStore(Path root, Clock clock, FileSystemSync sync) throws IOException {
        this.layout = new StoreLayout(root);
        this.files = new ObjectFiles(layout);
        this.batch = new BatchPut(layout, files);
        this.sync = sync;
        this.clock = Objects.requireNonNull(clock, "clock");
        layout.create();
        this.rootLock = RootLock.take(layout.root(), layout.lockFile());
        int removed;
        try {
            removed = AtomicFiles.deleteAllIn(layout.tmp());
        } catch (IOException e) {
            rootLock.close();
            throw e;
        }
        LOG.info(
                "file store at {} opened, made durable by {}{}",
                layout.root(),
                sync == null ? "an fsync of each file and directory" : sync,
                removed == 0 ? "" : "; removed " + removed + " temp files of an interrupted write");
    }

    @Override
    public ObjectInfo put(ObjectKey key, Path file, ObjectAttributes attributes) throws StoreException {
        refuseBeforeWriting(key);
        return place(key, copyFile(key, file, true), attributes);
    }

    @Override
    public ObjectInfo put(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        return place(key, stage(ObjectPut.bytes(key, bytes, attributes, false), true), attributes);
    }

    /**
     * {@inheritDoc} Here a {@link #put} that says empty instead of {@link ObjectExistsException}:
     * it is atomic because one process owns the root ({@code store.lock}, {@link RootLock}) and,
     * within it, the existence check and the renames into place happen under the key's lock
     * stripe, so no other put or create of the key can come between them. Durable as a put: bytes
     * and metadata forced, renamed into place, their directories forced.
     */
    @Override
    public Optional<ObjectInfo> create(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        ObjectAttributes.requireUnlocked(attributes);
        try {
            return Optional.of(put(key, bytes, attributes));
        } catch (ObjectExistsException taken) {
            return Optional.empty();
        }
    }

    /**
     * Links the sealed file into place when the store is on its file system, so the object's bytes
     * are the file's and need no copy and no second fsync; copies it otherwise. The object is the
     * same either way, written once: the file's owner never writes it again.
     */
    @Override
    public ObjectInfo putSealed(ObjectKey key, Path file, ObjectAttributes attributes, boolean knownNew)
            throws StoreException {
        return place(key, stage(ObjectPut.sealed(key, file, attributes, knownNew), true), attributes);
    }

    /**
     * {@inheritDoc} Each directory is forced once for the batch ({@link BatchPut}). A key that comes
     * twice is stored the first time and refused the second, as two puts in turn would be.
     */
    @Override
    public List<PutOutcome> putAll(List<ObjectPut> puts) {
        BatchPut.Barrier barrier =
                sync == null ? BatchPut.perDirectory(ObjectFiles::force) : BatchPut.fileSystem(sync, sync.mark());
        List<PutOutcome> outcomes = batch.putAll(puts, barrier, this::stage, locks);
        LOG.debug("stored a batch of {} objects", puts.size());
        return outcomes;
    }

    /** True: a batch forces each directory once, or syncs the file system twice ({@link BatchPut}). */
    @Override
    public boolean batchesShareWork() {
        return true;
    }

    /**
     * The put's bytes in a temp file, forced when {@code force} (or the sealed file linked), once
     * the key is checked.
     */
    private AtomicFiles.Written stage(ObjectPut put, boolean force) throws StoreException {
        refuseBeforeWriting(put.key());
        if (put.bytes() != null) {
            return files.bytesToTemp(put.key(), put.bytes(), force);
        }
        Optional<AtomicFiles.Written> linked = files.linkToTemp(put.key(), put.sealedFile());
        return linked.isPresent() ? linked.get() : copyFile(put.key(), put.sealedFile(), force);
    }

    private AtomicFiles.Written copyFile(ObjectKey key, Path file, boolean force) throws StoreException {
        try (InputStream in = Files.newInputStream(file)) {
            return files.copyToTemp(key, in, force);
        } catch (NoSuchFileException e) {
            throw new StoreException("no file " + file + " to store as " + key, e);
        } catch (IOException e) {
            throw FileFailures.unavailable("read", file, e);
        }
    }

    private void refuseBeforeWriting(ObjectKey key) throws StoreException {
        ensureOpen();
        files.refuseExisting(key);
        refuseUnstorable(key);
    }

    /** Renames the temp file into place and writes its metadata, unless the key was taken meanwhile. */
    private ObjectInfo place(ObjectKey key, AtomicFiles.Written written, ObjectAttributes attributes)
            throws StoreException {
        Path data = layout.data(key);
        try {
            ObjectInfo info = written.describe(key, attributes);
            return locked(key, () -> {
                files.refuseExisting(key);
                ObjectFiles.move(written.temp(), data);
                files.writeMetadata(info);
                LOG.debug("stored {} ({} bytes, {})", key, info.size(), info.retention());
                return info;
            });
        } finally {
            AtomicFiles.deleteQuietly(written.temp());
        }
    }

    private void refuseUnstorable(ObjectKey key) throws StoreException {
        Optional<String> unstorable = layout.whyUnstorable(key);
        if (unstorable.isPresent()) {
            throw new StoreException("cannot store " + key + " in " + layout.root() + ": " + unstorable.get());
        }
    }

    @Override
    public Optional<ObjectInfo> head(ObjectKey key) throws StoreException {
        ensureOpen();
        return files.readMetadata(key);
    }

    @Override
    public InputStream get(ObjectKey key, ByteRange range) throws StoreException {
        ObjectInfo info = require(key);
        try {
            return files.readBytes(info, range);
        } catch (NoSuchFileException e) {
            require(key); // deleted meanwhile: not found; else the bytes are missing
            throw new StoreException("the bytes of " + key + " are missing: " + layout.data(key), e);
        }
    }

    @Override
    public void delete(ObjectKey key, boolean bypassGovernance) throws StoreException {
        locked(key, () -> {
            ObjectInfo info = require(key);
            refuseLocked(info, bypassGovernance);
            files.delete(key);
            LOG.debug("deleted {} ({})", key, info.retention());
            return null;
        });
    }

    /** Refuses to delete what S3 Object Lock would keep: a legal hold (R19), a retention not yet over (R7, R8). */
    private void refuseLocked(ObjectInfo info, boolean bypassGovernance) throws RetentionLockedException {
        if (info.legalHold()) {
            throw new RetentionLockedException(info.key() + " is under legal hold (R19)");
        }
        Retention retention = info.retention();
        if (retention.locks(clock.instant(), bypassGovernance)) {
            throw new RetentionLockedException(info.key() + " is retained until " + retention.retainUntil() + " ("
                    + retention.mode() + (bypassGovernance ? "" : ", without the governance bypass") + ")");
        }
    }

    @Override
    public List<ObjectKey> list(String prefix) throws StoreException {
        ensureOpen();
        try {
            return layout.list(prefix);
        } catch (IOException e) {
            throw FileFailures.unavailable("list " + prefix + "* in", layout.root(), e);
        }
    }

    @Override
    public void setRetention(ObjectKey key, Retention retention, boolean bypassGovernance) throws StoreException {
        Objects.requireNonNull(retention, "retention");
        locked(key, () -> {
            ObjectInfo info = require(key);
            String refusal = info.retention().refusalToChangeTo(retention, bypassGovernance);
            if (refusal != null) {
                throw new RetentionLockedException(key + ": " + refusal);
            }
            files.writeMetadata(new ObjectInfo(
                    key, info.size(), info.sha256(), info.contentType(), retention, info.legalHold(), info.tags()));
            return null;
        });
    }

    @Override
    public void setLegalHold(ObjectKey key, boolean hold) throws StoreException {
        locked(key, () -> {
            ObjectInfo info = require(key);
            files.writeMetadata(new ObjectInfo(
                    key, info.size(), info.sha256(), info.contentType(), info.retention(), hold, info.tags()));
            LOG.debug("legal hold on {}: {}", key, hold);
            return null;
        });
    }

    /** Releases {@code store.lock}, so another store may open the root. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            rootLock.close();
            LOG.info("file store at {} closed", layout.root());
        }
    }

    private ObjectInfo require(ObjectKey key) throws StoreException {
        return head(key).orElseThrow(() -> new ObjectNotFoundException("no object " + key + " in " + layout.root()));
    }

    private void ensureOpen() throws StoreUnavailableException {
        if (closed.get()) {
            throw new StoreUnavailableException("file store " + layout.root() + " is closed");
        }
    }

    private <T> T locked(ObjectKey key, KeyLocks.KeyAction<T> action) throws StoreException {
        ensureOpen();
        return locks.locked(key, action);
    }
}
