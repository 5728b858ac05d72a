package org.callgate.store.s3;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callgate.store.ByteRange;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectExistsException;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The {@link RecordingStore} on an S3 bucket with Object Lock (AWS, or Ceph RGW in the tests):
 * the production store of DESIGN §2. The bucket enforces retention itself, so a bug or an
 * operator in callgate cannot destroy a banking recording before its 10 years (R8, {@link
 * LockMode#COMPLIANCE}) or a recording under legal hold (R19); {@link S3BucketSetup} creates or
 * checks such a bucket, in the EU region by default (R21).
 *
 * <p>Each put stores the bytes with their SHA-256 as user metadata {@code sha256}, the content
 * type, the tags {@code retention-class} and {@code retain-until} next to the caller's, the
 * Object Lock mode and retain-until (none for {@link LockMode#NONE}, which only the purge job
 * honours), the legal hold when asked, and SSE-KMS when {@link S3Settings#kmsKeyId()} is set.
 * A file is digested first and uploaded after; the upload sends {@code Content-MD5}, so the
 * server refuses the object if the bytes changed in between. Objects go up in one PutObject
 * (recordings are megabytes): RGW ignores Object Lock headers on multipart uploads.
 *
 * <p>Deleting removes the object's versions themselves, all of them, not just its name: on the
 * versioned bucket Object Lock requires, a plain DELETE only adds a delete marker and keeps the
 * bytes, a second put of a key keeps the first as an older version, and R7 says recordings past
 * their retention are destroyed ({@link ObjectVersions}). Reads ({@code head}, {@code list}, {@code get})
 * see the latest version and treat a key hidden by a delete marker as absent.
 */
public final class S3RecordingStore implements RecordingStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3RecordingStore.class);

    private final S3Client s3;
    private final String bucket;
    private final Optional<String> kmsKeyId;
    private final BucketCalls calls;
    private final ObjectLocks locks;
    private final ObjectVersions versions;
    private final ObjectCreates creates;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A store on {@code settings.bucket()}, which must exist with Object Lock ({@link S3BucketSetup}). */
    public S3RecordingStore(S3Settings settings) {
        this.s3 = S3Clients.create(settings);
        this.bucket = settings.bucket();
        this.kmsKeyId = settings.kmsKeyId();
        this.calls = new BucketCalls(s3, bucket);
        this.locks = new ObjectLocks(s3, bucket, calls);
        this.versions = new ObjectVersions(s3, bucket, calls);
        this.creates = new ObjectCreates(s3, bucket, calls);
    }

    @Override
    public ObjectInfo put(ObjectKey key, Path file, ObjectAttributes attributes) throws StoreException {
        refuseExisting(key);
        return putNew(key, file, attributes);
    }

    @Override
    public ObjectInfo put(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        refuseExisting(key);
        return putNew(key, bytes, attributes);
    }

    /** {@inheritDoc} Here: without the HEAD that {@code put} sends first. */
    @Override
    public ObjectInfo putNew(ObjectKey key, Path file, ObjectAttributes attributes) throws StoreException {
        return upload(key, RequestBody.fromFile(file), ContentDigest.of(file, key), attributes);
    }

    /** {@inheritDoc} Here: without the HEAD that {@code put} sends first. */
    @Override
    public ObjectInfo putNew(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        return upload(key, RequestBody.fromBytes(bytes), ContentDigest.of(bytes), attributes);
    }

    /**
     * {@inheritDoc} Here: a PutObject with {@code If-None-Match: *}, then, since RGW 16 ignores that
     * header on a versioned bucket, the key's version order decides ({@link ObjectCreates}).
     */
    @Override
    public Optional<ObjectInfo> create(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
        ObjectAttributes.requireUnlocked(attributes);
        ContentDigest digest = ContentDigest.of(bytes);
        return creates.create(
                key, putRequest(key, digest, attributes), RequestBody.fromBytes(bytes), info(key, digest, attributes));
    }

    /**
     * Refuses a key that already holds an object, with a HeadObject before the put. That is
     * check-then-act, not atomic (RGW 16 ignores {@code If-None-Match} on a versioned bucket), and
     * it is enough: each key names one call's recording or record, which exactly one uploader
     * writes; and should two puts ever race, the versioned bucket keeps both versions, so no bytes
     * are lost. Where nodes race for a key, they {@link #create} it.
     */
    private void refuseExisting(ObjectKey key) throws StoreException {
        if (calls.head(key).isPresent()) {
            throw new ObjectExistsException(key + " already exists in bucket " + bucket + ": objects are written once");
        }
    }

    private ObjectInfo upload(ObjectKey key, RequestBody body, ContentDigest digest, ObjectAttributes attributes)
            throws StoreException {
        PutObjectRequest request = putRequest(key, digest, attributes);
        calls.call("put", key, () -> s3.putObject(request, body));
        return info(key, digest, attributes);
    }

    private static ObjectInfo info(ObjectKey key, ContentDigest digest, ObjectAttributes attributes) {
        return new ObjectInfo(
                key,
                digest.size(),
                digest.sha256Hex(),
                attributes.contentType(),
                attributes.retention(),
                attributes.legalHold(),
                attributes.tags());
    }

    private PutObjectRequest putRequest(ObjectKey key, ContentDigest digest, ObjectAttributes attributes) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key.value())
                .contentType(attributes.contentType())
                .contentLength(digest.size())
                .contentMD5(digest.md5Base64())
                .metadata(Map.of(ObjectHeads.SHA256, digest.sha256Hex()))
                .tagging(ObjectTags.tagging(attributes.retention(), attributes.tags()));
        Retention retention = attributes.retention();
        if (retention.mode() != LockMode.NONE) {
            request.objectLockMode(ObjectLockMode.fromValue(retention.mode().name()))
                    .objectLockRetainUntilDate(retention.retainUntil());
        }
        if (attributes.legalHold()) {
            request.objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON);
        }
        kmsKeyId.ifPresent(
                id -> request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(id));
        return request.build();
    }

    /**
     * HeadObject plus GetObjectTagging: RGW, like AWS, returns the lock mode, retain-until and
     * legal hold on HeadObject, so GetObjectRetention/LegalHold are not needed (and RGW answers
     * GetObjectLegalHold 404 for an object that never had one).
     */
    @Override
    public Optional<ObjectInfo> head(ObjectKey key) throws StoreException {
        Optional<HeadObjectResponse> head = calls.head(key);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(calls.describe(key, head.get()));
    }

    @Override
    public InputStream get(ObjectKey key, ByteRange range) throws StoreException {
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(bucket).key(key.value());
        if (!range.equals(ByteRange.ALL)) {
            request.range("bytes=" + range.first() + "-" + (range.last() == Long.MAX_VALUE ? "" : range.last()));
        }
        return calls.call("read", key, () -> s3.getObject(request.build()));
    }

    /**
     * {@inheritDoc} Here: every version of the key and its delete markers ({@link ObjectVersions}),
     * refused as a whole when one version is locked or held by the server's clock.
     */
    @Override
    public void delete(ObjectKey key, boolean bypassGovernance) throws StoreException {
        versions.deleteAll(key, bypassGovernance);
    }

    @Override
    public List<ObjectKey> list(String prefix) throws StoreException {
        List<ObjectKey> keys = new ArrayList<>();
        calls.call("list", "the keys under '" + prefix + "'", () -> {
            s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                    .contents()
                    .forEach(object -> keyOf(object.key()).ifPresent(keys::add));
            return keys;
        });
        keys.sort(null);
        return keys;
    }

    /**
     * Checks {@link Retention#refusalToChangeTo} itself before asking the server, which may be
     * laxer than AWS, then sets the lock and rewrites the two retention tags. A change to {@link
     * LockMode#NONE} removes a GOVERNANCE lock as AWS allows; RGW 16 cannot remove a lock and
     * refuses it.
     */
    @Override
    public void setRetention(ObjectKey key, Retention retention, boolean bypassGovernance) throws StoreException {
        locks.setRetention(key, retention, bypassGovernance);
    }

    @Override
    public void setLegalHold(ObjectKey key, boolean hold) throws StoreException {
        locks.setLegalHold(key, hold);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            s3.close();
        }
    }

    private Optional<ObjectKey> keyOf(String s3Key) {
        try {
            return Optional.of(ObjectKey.of(s3Key));
        } catch (IllegalArgumentException e) {
            LOG.warn("bucket {} holds {}, which is no callgate object key; not listed", bucket, s3Key);
            return Optional.empty();
        }
    }
}
