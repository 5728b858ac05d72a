package org.callgate.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An object store with retention: the single source of truth for everything callgate keeps
 * (DESIGN §2). Objects are written once and never overwritten; what can change afterwards is
 * their retention (only ever longer, unless governance is bypassed) and their legal hold.
 *
 * <p>Deleting is refused while the object is under legal hold (R19) or before its retain-until:
 * always for {@link LockMode#COMPLIANCE} (legal retention, such as banking recordings kept 10
 * years, R8), and for {@link LockMode#GOVERNANCE} unless the caller bypasses governance (a
 * compliance user erasing a sampled recording on an objection, R12/R14). This mirrors S3 Object
 * Lock, so the embedded file store and an S3 bucket behave alike.
 *
 * <p>Keys are {@link ObjectKey}s: slash-separated, portable names. Every failure is a {@link
 * StoreException}; {@link StoreUnavailableException} means "try again later" and is the only one
 * a caller should retry. Implementations are thread-safe.
 */
public interface RecordingStore extends AutoCloseable {

    /**
     * Stores the file's bytes under {@code key}, with {@code attributes}. The store computes the
     * size and SHA-256 itself; the returned info carries them, so the caller can verify them
     * against what it meant to store.
     *
     * @throws ObjectExistsException when {@code key} already holds an object
     */
    ObjectInfo put(ObjectKey key, Path file, ObjectAttributes attributes) throws StoreException;

    /** Stores {@code bytes} under {@code key}, as {@link #put(ObjectKey, Path, ObjectAttributes)}. */
    ObjectInfo put(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException;

    /**
     * Stores under a key the caller knows to be free: it named the object itself, nobody else
     * writes that key, and it has not tried to store it before. A store whose existence check costs
     * a request (S3: a HEAD per object) may skip it; should the key be taken after all, the file
     * store still fails with {@link ObjectExistsException}, and a versioned, locked S3 bucket keeps
     * both versions, the older one untouched. When unsure, use {@link #put(ObjectKey, Path,
     * ObjectAttributes)}.
     */
    default ObjectInfo putNew(ObjectKey key, Path file, ObjectAttributes attributes) throws StoreException {
        return put(key, file, attributes);
    }

    /** {@link #putNew(ObjectKey, Path, ObjectAttributes)} for bytes. */
    default ObjectInfo putNew(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        return put(key, bytes, attributes);
    }

    /**
     * Creates the object only if {@code key} holds none, atomically for every process and node that
     * shares the store: of any number of racing creates of one key, exactly one returns the stored
     * object; every other returns empty, and so does a create of a key that already holds an object.
     * It is how nodes that share one store agree on a name without talking to each other: a dossier
     * number handed out once (R2, R3), the next entry of a change log (ADR 0018). {@link #put} only
     * refuses a key that exists when it looks, which two nodes can both pass.
     *
     * <p>Meant for <b>claims</b>: small objects whose existence is what matters. Their attributes must
     * not lock them ({@link ObjectAttributes#unlocked()}: {@link LockMode#NONE}, no legal hold),
     * because a store without conditional writes decides the race after the racers have written
     * (S3 on Ceph RGW 16, whose versioned buckets ignore {@code If-None-Match}): each loser then
     * removes what it wrote. Until every racer has returned, {@link #head} and {@link #get} may
     * show a loser's bytes, and keep showing them should a loser die before removing them; the
     * winner stays the winner for every later create. So a claim holds nothing a reader relies on.
     * A create whose answer was lost (a timeout after the object was stored) may report a loss
     * for what it stored: a claim can be lost that way, never won twice. The object is as durable
     * as a {@link #put}'s when this returns.
     *
     * @return the stored object when this create won, empty when the key holds another
     * @throws IllegalArgumentException when {@code attributes} lock the object or put it under hold
     * @throws UnsupportedOperationException when the store cannot create atomically (the default)
     */
    default Optional<ObjectInfo> create(ObjectKey key, byte[] bytes, ObjectAttributes attributes)
            throws StoreException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot create objects atomically");
    }

    /**
     * Stores a sealed file: forced to disk, and never written again by anyone, though its owner may
     * remove its own name for it. A store that keeps its objects as files on the same file system
     * may then give the object the file itself, a second name for the same bytes, instead of a
     * copy: the file store does, which saves the copy, its fsync and a new inode per recording. The
     * default copies, as {@link #put(ObjectKey, Path, ObjectAttributes)} or, when {@code knownNew},
     * {@link #putNew(ObjectKey, Path, ObjectAttributes)}.
     *
     * @throws ObjectExistsException when {@code key} already holds an object (unless {@code
     *     knownNew} lets the store skip that check, as {@link #putNew(ObjectKey, Path,
     *     ObjectAttributes)})
     */
    default ObjectInfo putSealed(ObjectKey key, Path file, ObjectAttributes attributes, boolean knownNew)
            throws StoreException {
        return knownNew ? putNew(key, file, attributes) : put(key, file, attributes);
    }

    /**
     * Stores several objects, each as its single put would ({@link ObjectPut#runOn}), and returns
     * what became of each, in the order given: an object the store refuses or fails to store (its
     * {@link StoreException} in the outcome) stops none of the others; an unchecked exception ends
     * the whole batch, whose objects the caller then tries again. Every outcome is final and every
     * stored object as durable as a single put's when this returns. A store may
     * share work across the batch: the file store forces each directory once for the whole batch
     * instead of once per object. The default stores them one by one.
     */
    default List<PutOutcome> putAll(List<ObjectPut> puts) {
        List<PutOutcome> outcomes = new ArrayList<>(puts.size());
        for (ObjectPut put : puts) {
            try {
                outcomes.add(PutOutcome.stored(put, put.runOn(this)));
            } catch (StoreException e) {
                outcomes.add(PutOutcome.failed(put, e));
            }
        }
        return outcomes;
    }

    /**
     * Whether {@link #putAll} shares work across a batch, so that a caller gains from gathering
     * objects before storing them: the file store forces each directory once a batch. False for a
     * store that puts them one by one (S3: a request per object either way), where a caller does
     * better to store each object as soon as it has it, overlapping one object's small requests
     * with the next one's transfer.
     */
    default boolean batchesShareWork() {
        return false;
    }

    /** The object's description, or empty when there is none. */
    Optional<ObjectInfo> head(ObjectKey key) throws StoreException;

    /**
     * The object's bytes in {@code range}; the caller closes the stream.
     *
     * @throws ObjectNotFoundException when there is no such object
     * @throws StoreException when the range starts beyond the object's end
     */
    InputStream get(ObjectKey key, ByteRange range) throws StoreException;

    /** The whole object; the caller closes the stream. */
    default InputStream get(ObjectKey key) throws StoreException {
        return get(key, ByteRange.ALL);
    }

    /**
     * Deletes the object with every version the store keeps of it (a versioned S3 bucket keeps an
     * older one after a second {@link #putNew}): destroyed means nothing of it is left (R7). When
     * any version is locked or held, nothing is deleted.
     *
     * @param bypassGovernance whether a {@link LockMode#GOVERNANCE} retention may be overridden
     *     (never a {@link LockMode#COMPLIANCE} one, never a legal hold)
     * @throws ObjectNotFoundException when there is no such object
     * @throws RetentionLockedException when the retention or legal hold of a version forbids it
     */
    void delete(ObjectKey key, boolean bypassGovernance) throws StoreException;

    /** The keys that start with {@code prefix} (may be empty), in ascending order. */
    List<ObjectKey> list(String prefix) throws StoreException;

    /**
     * Changes the object's retention. A {@link LockMode#COMPLIANCE} retention can only be kept or
     * extended; shortening a {@link LockMode#GOVERNANCE} one, or changing its mode, needs
     * {@code bypassGovernance}.
     *
     * @throws RetentionLockedException when the change would weaken a retention it may not
     */
    void setRetention(ObjectKey key, Retention retention, boolean bypassGovernance) throws StoreException;

    /** Puts the object under legal hold, or lifts it (R19). */
    void setLegalHold(ObjectKey key, boolean hold) throws StoreException;

    /** Releases the store's resources (connections, threads); idempotent. */
    @Override
    void close();
}
