package org.callgate.app;

import org.callgate.store.StoreException;
import org.callgate.store.StoreUnavailableException;
import org.callgate.store.s3.S3BucketSetup;
import org.callgate.store.s3.S3RecordingStore;
import org.callgate.store.s3.S3Settings;

/**
 * Opens the S3 store, after checking that its bucket exists with Object Lock: without the lock
 * the bucket could not refuse an early delete, and retention would rest on callgate alone (R7,
 * R8, R19). {@code callgate store init} creates such a bucket.
 */
final class S3Stores {

    private S3Stores() {}

    static S3RecordingStore open(S3Settings settings) throws StartupException {
        try {
            new S3BucketSetup(settings).verifyLockedBucket();
        } catch (StoreUnavailableException e) {
            throw new StartupException("S3 bucket " + settings.bucket() + " is not reachable: " + e.getMessage(), e);
        } catch (StoreException e) {
            throw new StartupException(
                    "S3 bucket " + settings.bucket() + " is not usable: " + e.getMessage()
                            + " (scripts/callgate store init creates a bucket with Object Lock)",
                    e);
        }
        return new S3RecordingStore(settings);
    }
}
