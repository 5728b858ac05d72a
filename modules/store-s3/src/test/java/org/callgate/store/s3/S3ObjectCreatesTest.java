package org.callgate.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the S3 store's create rests on, asked of the real server (ADR 0018): Ceph RGW honours
 * {@code If-None-Match: *} on PutObject only on an unversioned bucket, and ignores it on the
 * versioned bucket Object Lock needs, which is why {@link ObjectCreates} decides a race by the
 * key's version order.
 */
@ExtendWith(RgwServer.class)
class S3ObjectCreatesTest {

    private static final byte[] FIRST = "first".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECOND = "second".getBytes(StandardCharsets.UTF_8);

    private RgwServer.Endpoint rgw;
    private S3Settings settings;
    private S3RecordingStore store;
    private S3Client raw;

    @BeforeEach
    void openALockedBucket(RgwServer.Endpoint rgw) throws Exception {
        this.rgw = rgw;
        settings = rgw.settings(TestBuckets.unique("create"));
        new S3BucketSetup(settings).ensureLockedBucket();
        store = new S3RecordingStore(settings);
        raw = S3Clients.create(settings);
    }

    @AfterEach
    void close() {
        store.close();
        raw.close();
    }

    private static ObjectAttributes claim() {
        return new ObjectAttributes(
                "application/json",
                new Retention(
                        "dossier",
                        Clock.systemUTC().instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS),
                        LockMode.NONE));
    }

    private void rawPut(String bucket, String key, byte[] bytes) {
        raw.putObject(r -> r.bucket(bucket).key(key).ifNoneMatch("*"), RequestBody.fromBytes(bytes));
    }

    @Test
    void anUnversionedBucketRefusesASecondPutWithIfNoneMatchAs412() {
        String plain = TestBuckets.unique("plain");
        raw.createBucket(r -> r.bucket(plain));
        rawPut(plain, "k.json", FIRST);

        assertThatThrownBy(() -> rawPut(plain, "k.json", SECOND))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    }

    @Test
    void rgwIgnoresIfNoneMatchOnAnObjectLockBucketAndKeepsBothPutsAsVersions() {
        assumeTrue(rgw.ownServer(), "a finding about the Ceph RGW 16 this run starts, not about S3_ENDPOINT");
        rawPut(settings.bucket(), "k.json", FIRST);

        rawPut(settings.bucket(), "k.json", SECOND);

        assertThat(raw.listObjectVersions(r -> r.bucket(settings.bucket()).prefix("k.json"))
                        .versions())
                .hasSize(2);
    }

    @Test
    void aCreateDecidesByVersionOrderWhereTheHeaderIsIgnored() throws Exception {
        ObjectKey key = ObjectKey.of("claims/ordered.json");
        rawPut(settings.bucket(), key.value(), FIRST); // an earlier racer's version

        assertThat(store.create(key, SECOND, claim())).isEmpty();

        assertThat(raw.listObjectVersions(r -> r.bucket(settings.bucket()).prefix(key.value()))
                        .versions())
                .as("the losing version is removed")
                .hasSize(1);
        assertThat(store.get(key).readAllBytes()).isEqualTo(FIRST);
    }

    @Test
    void aKeyWhoseVersionsADeleteMarkerHidesCountsAsTaken() throws Exception {
        ObjectKey key = ObjectKey.of("claims/hidden.json");
        store.create(key, FIRST, claim()).orElseThrow();
        raw.deleteObject(r -> r.bucket(settings.bucket()).key(key.value())); // a plain DELETE: a marker

        assertThat(store.head(key)).isEmpty();
        assertThat(store.create(key, SECOND, claim())).isEmpty();
    }
}
