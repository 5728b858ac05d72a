package org.callgate.store.s3;

import org.callgate.store.StoreException;
import org.callgate.store.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Creates the store's bucket, or checks an existing one, before callgate writes to it
 * ({@code scripts/callgate store init}). The bucket must have Object Lock: without it the
 * retention of banking recordings (R8, 10 years) and legal holds (R19) would rest on callgate's
 * code alone, and a recording past its 6 months (R7) could not be destroyed version and all.
 * Object Lock can only be switched on when a bucket is created, so an existing bucket without it
 * is refused, never "fixed". A new bucket goes to the configured region, the EU by default, and
 * an existing bucket that reports another region is refused (R21).
 */
public final class S3BucketSetup {

    /** What {@link #ensureLockedBucket()} found. */
    public enum Outcome {
        /** The bucket did not exist and was created with Object Lock. */
        CREATED,
        /** The bucket existed and has Object Lock. */
        VERIFIED
    }

    private static final String US_EAST_1 = "us-east-1";

    private final S3Settings settings;

    public S3BucketSetup(S3Settings settings) {
        this.settings = settings;
    }

    /**
     * Makes sure the bucket exists with Object Lock enabled.
     *
     * @throws StoreException with a one-line reason when the bucket cannot be used or created
     * @throws StoreUnavailableException when S3 cannot be reached
     */
    public Outcome ensureLockedBucket() throws StoreException {
        try (S3Client s3 = S3Clients.create(settings)) {
            Outcome outcome = exists(s3) ? Outcome.VERIFIED : create(s3);
            requireObjectLock(s3);
            return outcome;
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    /**
     * Checks, without creating anything, that the bucket exists with Object Lock enabled: what
     * callgate does at start-up.
     *
     * @throws StoreException with a one-line reason when it does not
     * @throws StoreUnavailableException when S3 cannot be reached
     */
    public void verifyLockedBucket() throws StoreException {
        try (S3Client s3 = S3Clients.create(settings)) {
            if (!exists(s3)) {
                throw refused("does not exist");
            }
            requireObjectLock(s3);
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    private boolean exists(S3Client s3) throws StoreException {
        try {
            HeadBucketResponse head = s3.headBucket(r -> r.bucket(settings.bucket()));
            String region = head.bucketRegion();
            if (region != null && !region.equals(settings.region())) {
                throw refused("is in region " + region + ", not in the configured " + settings.region() + " (R21)");
            }
            return true;
        } catch (S3Exception e) {
            return switch (e.statusCode()) {
                case 404 -> false;
                case 301 -> throw refused("is in another region than the configured " + settings.region() + " (R21)");
                case 403 -> throw refused("exists, but these credentials may not use it (another account's bucket?)");
                default -> throw e;
            };
        }
    }

    private Outcome create(S3Client s3) throws StoreException {
        CreateBucketRequest.Builder request =
                CreateBucketRequest.builder().bucket(settings.bucket()).objectLockEnabledForBucket(true);
        if (!settings.region().equals(US_EAST_1)) {
            // AWS takes us-east-1 only without a location constraint; every other region needs one.
            request.createBucketConfiguration(c -> c.locationConstraint(settings.region()));
        }
        try {
            s3.createBucket(request.build());
            return Outcome.CREATED;
        } catch (S3Exception e) {
            return switch (S3Failures.errorCode(e)) {
                case "BucketAlreadyOwnedByYou" -> Outcome.VERIFIED;
                case "BucketAlreadyExists" -> throw refused("is taken by another account");
                case "InvalidLocationConstraint" ->
                    throw refused("cannot be created: the server does not accept region " + settings.region()
                            + " (configure the region the server serves)");
                default -> throw e;
            };
        }
    }

    private void requireObjectLock(S3Client s3) throws StoreException {
        ObjectLockConfiguration lock;
        try {
            lock = s3.getObjectLockConfiguration(r -> r.bucket(settings.bucket()))
                    .objectLockConfiguration();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 501) {
                throw withoutObjectLock();
            }
            throw e;
        }
        if (lock == null || lock.objectLockEnabled() != ObjectLockEnabled.ENABLED) {
            throw withoutObjectLock();
        }
    }

    private StoreException withoutObjectLock() {
        return refused("has no Object Lock, which can only be enabled when a bucket is created: use a new bucket");
    }

    private StoreException refused(String reason) {
        return new StoreException("bucket " + settings.bucket() + " " + reason);
    }

    private StoreException failure(SdkException e) {
        if (e instanceof S3Exception s3 && !S3Failures.retryable(s3.statusCode())) {
            return new StoreException(
                    "bucket " + settings.bucket() + ": S3 refused the set-up: " + S3Failures.describe(s3), e);
        }
        return new StoreUnavailableException(
                "bucket " + settings.bucket() + ": cannot reach S3 at "
                        + settings.endpoint().map(Object::toString).orElse("AWS " + settings.region()) + ": "
                        + e.getMessage(),
                e);
    }
}
