package org.callgate.store.s3;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.RetentionLockedException;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Destroys a key with every version it has in the versioned bucket Object Lock requires. A second
 * put of a key ({@link S3RecordingStore#putNew}) leaves the first as an older version, and a plain
 * DELETE only adds a delete marker: deleting just the latest version would keep bytes that R7
 * says are destroyed. So a delete lists the key's versions and delete markers, asks each version
 * whether the server would refuse to delete it now, and only then deletes them all, the latest
 * last. One locked or held version refuses the whole delete and leaves every version in place.
 *
 * <p>"Now" is the server's: the {@code Date} of its answer to the version's HeadObject, which
 * has whole seconds and is never later than the server's clock when it later judges the delete,
 * so a version this check finds unlocked, the server finds unlocked too.
 */
final class ObjectVersions {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectVersions.class);

    /** One version of the key, or one of its delete markers. */
    record Version(String id, boolean latest, boolean deleteMarker) {}

    private final S3Client s3;
    private final String bucket;
    private final BucketCalls calls;

    ObjectVersions(S3Client s3, String bucket, BucketCalls calls) {
        this.s3 = s3;
        this.bucket = bucket;
        this.calls = calls;
    }

    /**
     * Deletes every version and delete marker of {@code key} (ListObjectVersions then
     * DeleteObject per version), after checking that the server allows each.
     *
     * @throws ObjectNotFoundException when the key has no version; delete markers alone (a key
     *     someone else deleted plainly) are removed, and still count as no object
     * @throws RetentionLockedException when a version's retention or legal hold forbids deleting
     *     it; then nothing was deleted
     */
    void deleteAll(ObjectKey key, boolean bypassGovernance) throws StoreException {
        List<Version> versions = of(key);
        if (versions.isEmpty()) {
            throw new ObjectNotFoundException("no object " + key + " in bucket " + bucket);
        }
        for (Version version : versions) {
            if (!version.deleteMarker()) {
                refuseLocked(key, version, bypassGovernance);
            }
        }
        for (Version version : versions) {
            delete(key, version, bypassGovernance);
        }
        LOG.debug("deleted {} ({} versions and delete markers) from bucket {}", key, versions.size(), bucket);
        if (versions.stream().allMatch(Version::deleteMarker)) {
            throw new ObjectNotFoundException("no object " + key + " in bucket " + bucket + ", only delete markers");
        }
    }

    /** The key's versions and delete markers (exactly this key, not the longer ones it prefixes), the latest last. */
    List<Version> of(ObjectKey key) throws StoreException {
        List<Version> versions = new ArrayList<>();
        calls.call("list the versions of", key, () -> {
            for (ListObjectVersionsResponse page :
                    s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(key.value()))) {
                page.versions().stream()
                        .filter(v -> v.key().equals(key.value()))
                        .forEach(v -> versions.add(new Version(v.versionId(), v.isLatest(), false)));
                page.deleteMarkers().stream()
                        .filter(m -> m.key().equals(key.value()))
                        .forEach(m -> versions.add(new Version(m.versionId(), m.isLatest(), true)));
            }
            return versions;
        });
        // should the deletes stop half-way, what the key shows is the last to go
        versions.sort(Comparator.comparing(Version::latest));
        return versions;
    }

    private void refuseLocked(ObjectKey key, Version version, boolean bypassGovernance) throws StoreException {
        HeadObjectResponse head;
        try {
            head = calls.call(
                    "look up a version of",
                    key,
                    () -> s3.headObject(r -> r.bucket(bucket).key(key.value()).versionId(version.id())));
        } catch (ObjectNotFoundException goneMeanwhile) {
            return;
        }
        if (lockedNow(head, bypassGovernance)) {
            throw new RetentionLockedException(
                    "cannot delete " + key + ": its version " + version.id() + " is " + ObjectHeads.lockOf(head)
                            + " (server time " + serverTime(head).orElse(null) + ")");
        }
    }

    /**
     * Whether the server refuses to delete the version {@code head} describes: under legal hold,
     * or before its retain-until in COMPLIANCE mode, or in GOVERNANCE mode without the bypass. A
     * server that sends no {@code Date} leaves its time unknown: every retention then locks.
     */
    static boolean lockedNow(HeadObjectResponse head, boolean bypassGovernance) {
        if (head.objectLockLegalHoldStatus() == ObjectLockLegalHoldStatus.ON) {
            return true;
        }
        if (head.objectLockMode() == null || head.objectLockRetainUntilDate() == null) {
            return false;
        }
        Optional<Instant> now = serverTime(head);
        if (now.isPresent() && !head.objectLockRetainUntilDate().isAfter(now.get())) {
            return false;
        }
        return !(bypassGovernance && head.objectLockMode() == ObjectLockMode.GOVERNANCE);
    }

    private static Optional<Instant> serverTime(HeadObjectResponse head) {
        try {
            return head.sdkHttpResponse()
                    .firstMatchingHeader("Date")
                    .map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void delete(ObjectKey key, Version version, boolean bypassGovernance) throws StoreException {
        try {
            s3.deleteObject(r -> r.bucket(bucket)
                    .key(key.value())
                    .versionId(version.id())
                    .bypassGovernanceRetention(bypassGovernance));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return; // gone meanwhile
            }
            if (e.statusCode() == 403) {
                // a hold or retention set since the check: the versions before this one are gone
                throw new RetentionLockedException(
                        "cannot delete " + key + ": S3 refused its version " + version.id() + ": "
                                + S3Failures.describe(e),
                        e);
            }
            throw calls.translate(e, "delete", key);
        } catch (SdkException e) {
            throw calls.translate(e, "delete", key);
        }
    }
}
