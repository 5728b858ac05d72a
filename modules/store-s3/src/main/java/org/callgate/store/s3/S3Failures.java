package org.callgate.store.s3;

import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.StoreException;
import org.callgate.store.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the SDK's exceptions into the store's, so no AWS type crosses the module boundary: what
 * may succeed later (no connection, timeouts, 5xx, throttling) becomes {@link
 * StoreUnavailableException}, the one callers retry; a missing object {@link
 * ObjectNotFoundException}; anything else a permanent {@link StoreException} carrying the
 * server's status, code and message.
 */
final class S3Failures {

    private final String bucket;

    S3Failures(String bucket) {
        this.bucket = bucket;
    }

    /** The store's exception for {@code e}, which happened trying to {@code action} {@code subject}. */
    StoreException translate(SdkException e, String action, String subject) {
        String what = action + " " + subject + " in bucket " + bucket;
        if (!(e instanceof S3Exception s3)) {
            return new StoreUnavailableException("cannot reach S3 to " + what + ": " + e.getMessage(), e);
        }
        int status = s3.statusCode();
        String code = errorCode(s3);
        if (status == 404 && "NoSuchBucket".equals(code)) {
            return new StoreException(
                    "cannot " + what + ": the bucket does not exist (create it with " + "scripts/callgate store init)",
                    e);
        }
        if (status == 404) {
            return new ObjectNotFoundException("no object " + subject + " in bucket " + bucket, e);
        }
        if (retryable(status)) {
            return new StoreUnavailableException("S3 failed to " + what + " for now: " + describe(s3), e);
        }
        if (status == 416) {
            return new StoreException("cannot " + what + ": the range starts beyond the object's end", e);
        }
        return new StoreException("S3 refused to " + what + ": " + describe(s3), e);
    }

    static boolean retryable(int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    static String describe(S3Exception e) {
        String message =
                e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return e.statusCode() + " " + errorCode(e) + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    }
}
