package org.callgate.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callgate.store.StoreException;
import org.callgate.store.s3.S3BucketSetup.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;

@ExtendWith(RgwServer.class)
class S3BucketSetupTest {

    @Test
    void aMissingBucketIsCreatedWithObjectLockAndVersioning(RgwServer.Endpoint rgw) throws Exception {
        S3Settings settings = rgw.settings(TestBuckets.unique("setup"));

        assertThat(new S3BucketSetup(settings).ensureLockedBucket()).isEqualTo(Outcome.CREATED);

        try (S3Client raw = S3Clients.create(settings)) {
            assertThat(raw.getObjectLockConfiguration(r -> r.bucket(settings.bucket()))
                            .objectLockConfiguration()
                            .objectLockEnabled())
                    .isEqualTo(ObjectLockEnabled.ENABLED);
            assertThat(raw.getBucketVersioning(r -> r.bucket(settings.bucket())).status())
                    .isEqualTo(BucketVersioningStatus.ENABLED);
        }
    }

    @Test
    void anExistingLockedBucketIsVerified(RgwServer.Endpoint rgw) throws Exception {
        S3Settings settings = rgw.settings(TestBuckets.unique("setup"));
        new S3BucketSetup(settings).ensureLockedBucket();

        assertThat(new S3BucketSetup(settings).ensureLockedBucket()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void anExistingBucketWithoutObjectLockIsRefusedInOneLine(RgwServer.Endpoint rgw) {
        S3Settings settings = rgw.settings(TestBuckets.unique("unlocked"));
        try (S3Client raw = S3Clients.create(settings)) {
            raw.createBucket(r -> r.bucket(settings.bucket()));
        }

        assertThatThrownBy(() -> new S3BucketSetup(settings).ensureLockedBucket())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(settings.bucket())
                .hasMessageContaining("no Object Lock")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aRegionTheServerDoesNotServeIsRefusedWithTheReason(RgwServer.Endpoint rgw) {
        S3Settings settings = rgw.settings(TestBuckets.unique("region")).withRegion("eu-west-1");

        assertThatThrownBy(() -> new S3BucketSetup(settings).ensureLockedBucket())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("region eu-west-1");
    }
}
