package org.callgate.store.s3;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.RecordingStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * The shared contract against a real Ceph RGW, in a fresh Object Lock bucket per test. The
 * server's clock judges retain-until, so "now" is the real clock and letting time pass means
 * waiting (RGW runs on this machine, so the clocks agree).
 */
@ExtendWith(RgwServer.class)
class S3RecordingStoreContractTest extends RecordingStoreContract {

    private static final Clock CLOCK = Clock.systemUTC();

    private S3Settings settings;
    private S3RecordingStore store;
    private S3Client raw;

    @BeforeEach
    void createStoreOnAFreshBucket(RgwServer.Endpoint rgw) throws Exception {
        settings = rgw.settings(TestBuckets.unique("contract"));
        new S3BucketSetup(settings).ensureLockedBucket();
        store = new S3RecordingStore(settings);
        raw = S3Clients.create(settings);
    }

    @AfterEach
    void closeStore() {
        store.close();
        raw.close();
    }

    @Override
    protected RecordingStore store() {
        return store;
    }

    @Override
    protected Instant now() {
        return CLOCK.instant();
    }

    @Override
    protected void passTime(Instant instant) throws InterruptedException {
        Duration wait = Duration.between(CLOCK.instant(), instant.plusSeconds(1));
        if (!wait.isNegative()) {
            Thread.sleep(wait);
        }
    }

    /** The key's versions and delete markers as the bucket lists them, through the raw SDK client. */
    @Override
    protected int versionsOf(ObjectKey key) {
        int versions = 0;
        for (ListObjectVersionsResponse page :
                raw.listObjectVersionsPaginator(r -> r.bucket(settings.bucket()).prefix(key.value()))) {
            versions += (int) page.versions().stream()
                    .filter(v -> v.key().equals(key.value()))
                    .count();
            versions += (int) page.deleteMarkers().stream()
                    .filter(m -> m.key().equals(key.value()))
                    .count();
        }
        return versions;
    }

    /** Time for a put and a refused delete over HTTP before the lock expires, with room for a slow first request. */
    @Override
    protected Duration shortRetention() {
        return Duration.ofSeconds(5);
    }
}
