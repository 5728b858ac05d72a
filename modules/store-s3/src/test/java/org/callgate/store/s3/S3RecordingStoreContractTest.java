package org.callgate.store.s3;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.callgate.store.RecordingStore;
import org.callgate.store.RecordingStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared contract against a real Ceph RGW, in a fresh Object Lock bucket per test. The
 * server's clock judges retain-until, so "now" is the real clock and letting time pass means
 * waiting (RGW runs on this machine, so the clocks agree).
 */
@ExtendWith(RgwServer.class)
class S3RecordingStoreContractTest extends RecordingStoreContract {

    private static final Clock CLOCK = Clock.systemUTC();

    private S3RecordingStore store;

    @BeforeEach
    void createStoreOnAFreshBucket(RgwServer.Endpoint rgw) throws Exception {
        S3Settings settings = rgw.settings(TestBuckets.unique("contract"));
        new S3BucketSetup(settings).ensureLockedBucket();
        store = new S3RecordingStore(settings);
    }

    @AfterEach
    void closeStore() {
        store.close();
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

    /** Time for a put and a refused delete over HTTP before the lock expires, with room for a slow first request. */
    @Override
    protected Duration shortRetention() {
        return Duration.ofSeconds(5);
    }
}
