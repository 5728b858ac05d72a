package org.callgate.store.s3;

import org.callgate.store.LockMode;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;
import org.callgate.store.RetentionLockedException;
import org.callgate.store.StoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The changes to what protects a stored object from deletion: its Object Lock retention (R7, R8)
 * and its legal hold (R19). Apart from the put, which sets both once, these are the only requests
 * that can shorten or lift that protection, so they live apart from the plain reads and writes of
 * {@link S3RecordingStore}, in one place to review. A retention change is checked here against
 * {@link Retention#refusalToChangeTo} before the server sees it, as the server may be laxer than
 * AWS.
 */
final class ObjectLocks {

    private final S3Client s3;
    private final String bucket;
    private final BucketCalls calls;

    ObjectLocks(S3Client s3, String bucket, BucketCalls calls) {
        this.s3 = s3;
        this.bucket = bucket;
        this.calls = calls;
    }

    /**
     * Refuses a change {@link Retention#refusalToChangeTo} refuses, sets the lock if the change
     * touches it, then rewrites the two retention tags ({@link S3RecordingStore#setRetention}).
     */
    void setRetention(ObjectKey key, Retention retention, boolean bypassGovernance) throws StoreException {
        HeadObjectResponse head = calls.existing(key);
        ObjectInfo current = calls.describe(key, head);
        String refusal = current.retention().refusalToChangeTo(retention, bypassGovernance);
        if (refusal != null) {
            throw new RetentionLockedException("cannot change the retention of " + key + ": " + refusal);
        }
        if (!sameLock(current.retention(), retention)) {
            putLock(key, head.versionId(), retention, bypassGovernance);
        }
        calls.call(
                "tag",
                key,
                () -> s3.putObjectTagging(r -> r.bucket(bucket)
                        .key(key.value())
                        .versionId(head.versionId())
                        .tagging(ObjectTags.tagging(retention, current.tags()))));
    }

    void setLegalHold(ObjectKey key, boolean hold) throws StoreException {
        ObjectLockLegalHoldStatus status = hold ? ObjectLockLegalHoldStatus.ON : ObjectLockLegalHoldStatus.OFF;
        calls.call(
                "set the legal hold of",
                key,
                () -> s3.putObjectLegalHold(
                        r -> r.bucket(bucket).key(key.value()).legalHold(h -> h.status(status))));
    }

    /** PutObjectRetention; a 403 is the server refusing to shorten or lift a lock. */
    private void putLock(ObjectKey key, String versionId, Retention retention, boolean bypassGovernance)
            throws StoreException {
        ObjectLockRetention lock = lockOf(retention);
        try {
            s3.putObjectRetention(r -> r.bucket(bucket)
                    .key(key.value())
                    .versionId(versionId)
                    .retention(lock)
                    .bypassGovernanceRetention(bypassGovernance));
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                throw new RetentionLockedException(
                        "S3 refused to change the retention of " + key + " to " + retention + ": "
                                + S3Failures.describe(e),
                        e);
            }
            throw calls.translate(e, "change the retention of", key);
        } catch (SdkException e) {
            throw calls.translate(e, "change the retention of", key);
        }
    }

    /** The Object Lock retention for {@code retention}: none at all for {@link LockMode#NONE}. */
    private static ObjectLockRetention lockOf(Retention retention) {
        return retention.mode() == LockMode.NONE
                ? ObjectLockRetention.builder().build()
                : ObjectLockRetention.builder()
                        .mode(ObjectLockRetentionMode.fromValue(retention.mode().name()))
                        .retainUntilDate(retention.retainUntil())
                        .build();
    }

    private static boolean sameLock(Retention current, Retention next) {
        return current.mode() == next.mode()
                && (next.mode() == LockMode.NONE || current.retainUntil().equals(next.retainUntil()));
    }
}
