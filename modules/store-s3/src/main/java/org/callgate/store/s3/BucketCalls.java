package org.callgate.store.s3;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.StoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * What every request of the store to its bucket shares: the SDK's failures turned into the
 * store's own exceptions ({@link S3Failures}), so no AWS type reaches a caller, and the lookups
 * most operations start with. HeadObject sees the latest version, so a key hidden by a delete
 * marker is absent, like one never stored. It exists so that {@link S3RecordingStore} and {@link
 * ObjectLocks} ask the bucket, and fail, the same way.
 */
final class BucketCalls {

    private final S3Client s3;
    private final String bucket;
    private final S3Failures failures;

    BucketCalls(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
        this.failures = new S3Failures(bucket);
    }

    /** The head of the key's latest version, or empty when it has none (404). */
    Optional<HeadObjectResponse> head(ObjectKey key) throws StoreException {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key.value())));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failures.translate(e, "look up", key.value());
        } catch (SdkException e) {
            throw failures.translate(e, "look up", key.value());
        }
    }

    /**
     * The head of the key's latest version.
     *
     * @throws ObjectNotFoundException when it has none
     */
    HeadObjectResponse existing(ObjectKey key) throws StoreException {
        Optional<HeadObjectResponse> head = head(key);
        if (head.isEmpty()) {
            throw new ObjectNotFoundException("no object " + key + " in bucket " + bucket);
        }
        return head.get();
    }

    /** The object {@code head} describes, with the tags of that version (GetObjectTagging). */
    ObjectInfo describe(ObjectKey key, HeadObjectResponse head) throws StoreException {
        List<Tag> tags = call(
                "read the tags of",
                key,
                () -> s3.getObjectTagging(r -> r.bucket(bucket).key(key.value()).versionId(head.versionId()))
                        .tagSet());
        return ObjectHeads.describe(key, bucket, head, tags);
    }

    /** What {@code request}, trying to {@code action} {@code key}, returns; its failure as the store's. */
    <T> T call(String action, ObjectKey key, Supplier<T> request) throws StoreException {
        return call(action, key.value(), request);
    }

    <T> T call(String action, String subject, Supplier<T> request) throws StoreException {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failures.translate(e, action, subject);
        } catch (UncheckedIOException e) {
            throw new StoreException("cannot " + action + " " + subject + ": " + e.getMessage(), e);
        }
    }

    /** The store's exception for {@code e}, which happened trying to {@code action} {@code key}. */
    StoreException translate(SdkException e, String action, ObjectKey key) {
        return failures.translate(e, action, key.value());
    }
}
