package org.callgate.store.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.StoreException;
import org.callgate.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 store's conditional create ({@link S3RecordingStore#create}): of racing creates of one
 * key, by any number of nodes, exactly one wins (ADR 0018).
 *
 * <p>Two mechanisms, because the server that matters here honours only one of them. The PutObject
 * carries {@code If-None-Match: *}: AWS (and RGW on an unversioned bucket) then refuses it with
 * {@code 412 Precondition Failed} when the key exists, and the loser has written nothing. Ceph
 * RGW 16 ignores that header on a versioned bucket, which every Object Lock bucket is (RGW checks
 * it against the new version, which never exists; {@code S3ObjectCreatesTest} shows both), so
 * every racer's put succeeds there as a new version of the key. The race is then decided by the
 * <b>version order</b>: the winner is the key's oldest version. RGW orders a key's versions by an
 * epoch its bucket index assigns when it links each version, one at a time, and a version is
 * listed only once linked; so a racer whose put has returned lists every version linked before
 * its own, and all racers agree which one is oldest. A loser deletes its own version (by id:
 * never another's), so the key ends with the winner's alone; at AWS, the version check finds the
 * put that got through alone. A key with versions hidden by a delete marker someone else added
 * counts as taken: its versions are still there.
 *
 * <p>Claims are unlocked ({@link org.callgate.store.ObjectAttributes#unlocked()}), so a loser can
 * always delete its version.
 */
final class ObjectCreates {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectCreates.class);

    private final S3Client s3;
    private final String bucket;
    private final BucketCalls calls;

    ObjectCreates(S3Client s3, String bucket, BucketCalls calls) {
        this.s3 = s3;
        this.bucket = bucket;
        this.calls = calls;
    }

    /**
     * Puts {@code body} under {@code request}'s key unless the key is taken; the stored object when
     * this put won, empty when another did.
     */
    Optional<ObjectInfo> create(ObjectKey key, PutObjectRequest request, RequestBody body, ObjectInfo info)
            throws StoreException {
        Optional<String> version =
                putIfNoneMatch(key, request.toBuilder().ifNoneMatch("*").build(), body);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        if (version.get().isEmpty()) {
            return Optional.of(info); // an unversioned bucket: If-None-Match decided, and this put got through
        }
        List<String> versions = versionsOldestFirst(key);
        if (!versions.isEmpty() && versions.getFirst().equals(version.get())) {
            return Optional.of(info);
        }
        deleteOwn(key, version.get());
        LOG.debug("create of {} lost to version {}; removed this racer's version {}", key, first(versions), version);
        return Optional.empty();
    }

    /**
     * The version id the put created ("" on an unversioned bucket), or empty when the server
     * refused it because the key exists (412).
     */
    private Optional<String> putIfNoneMatch(ObjectKey key, PutObjectRequest request, RequestBody body)
            throws StoreException {
        try {
            PutObjectResponse response = s3.putObject(request, body);
            return Optional.of(response.versionId() == null ? "" : response.versionId());
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return Optional.empty();
            }
            if (e.statusCode() == 409) {
                // AWS: another conditional write or a delete of the key was in flight; its outcome decides
                throw new StoreUnavailableException(
                        "S3 saw a concurrent write of " + key + " in bucket " + bucket + "; try again: "
                                + S3Failures.describe(e),
                        e);
            }
            throw calls.translate(e, "create", key);
        } catch (SdkException e) {
            throw calls.translate(e, "create", key);
        }
    }

    /** The ids of the key's versions, delete markers left out, the oldest first. */
    private List<String> versionsOldestFirst(ObjectKey key) throws StoreException {
        List<String> newestFirst = new ArrayList<>();
        calls.call("list the versions of", key, () -> {
            for (ListObjectVersionsResponse page :
                    s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(key.value()))) {
                page.versions().stream()
                        .filter(v -> v.key().equals(key.value()))
                        .map(ObjectVersion::versionId)
                        .forEach(newestFirst::add);
            }
            return newestFirst;
        });
        return newestFirst.reversed();
    }

    private void deleteOwn(ObjectKey key, String versionId) throws StoreException {
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key.value()).versionId(versionId));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw calls.translate(e, "remove the losing version " + versionId + " of", key);
            }
        } catch (SdkException e) {
            throw calls.translate(e, "remove the losing version " + versionId + " of", key);
        }
    }

    private static String first(List<String> versions) {
        return versions.isEmpty() ? "(none left)" : versions.getFirst();
    }
}
