package org.callgate.store.s3;

import java.time.Instant;
import java.util.List;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * An object's description from its HeadObject response and its tags. The Object Lock retention
 * on the object is the truth for the locked modes (it is what the server enforces); the {@code
 * retain-until} tag only for {@link LockMode#NONE}, which has no lock.
 */
final class ObjectHeads {

    /** The user metadata holding the hex SHA-256 of the bytes. */
    static final String SHA256 = "sha256";

    private ObjectHeads() {}

    static ObjectInfo describe(ObjectKey key, String bucket, HeadObjectResponse head, List<Tag> tagSet)
            throws StoreException {
        ObjectTags.Read tags = ObjectTags.read(tagSet);
        String sha256 = head.metadata().get(SHA256);
        if (sha256 == null || tags.retentionClass().isEmpty()) {
            throw new StoreException(key + " in bucket " + bucket + " has no sha256 metadata or retention-class tag:"
                    + " it was not stored by callgate");
        }
        return new ObjectInfo(
                key,
                head.contentLength(),
                sha256,
                head.contentType(),
                retention(key, head, tags),
                head.objectLockLegalHoldStatus() == ObjectLockLegalHoldStatus.ON,
                tags.others());
    }

    /** "COMPLIANCE retention until ...", prefixed by "under legal hold, " when it is. */
    static String lockOf(HeadObjectResponse head) {
        String retention = head.objectLockMode() == null
                ? "no retention"
                : head.objectLockModeAsString() + " retention until " + head.objectLockRetainUntilDate();
        return head.objectLockLegalHoldStatus() == ObjectLockLegalHoldStatus.ON
                ? "under legal hold, " + retention
                : retention;
    }

    private static Retention retention(ObjectKey key, HeadObjectResponse head, ObjectTags.Read tags)
            throws StoreException {
        String retentionClass = tags.retentionClass().orElseThrow();
        if (head.objectLockMode() == null) {
            Instant until = tags.retainUntil()
                    .orElseThrow(() ->
                            new StoreException(key + " has no valid retain-until tag and no Object Lock retention"));
            return new Retention(retentionClass, until, LockMode.NONE);
        }
        return switch (head.objectLockMode()) {
            case COMPLIANCE -> new Retention(retentionClass, head.objectLockRetainUntilDate(), LockMode.COMPLIANCE);
            case GOVERNANCE -> new Retention(retentionClass, head.objectLockRetainUntilDate(), LockMode.GOVERNANCE);
            default ->
                throw new StoreException(key + " has an unknown Object Lock mode " + head.objectLockModeAsString());
        };
    }
}
