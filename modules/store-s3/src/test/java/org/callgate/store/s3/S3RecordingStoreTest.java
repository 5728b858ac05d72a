package org.callgate.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.Retention;
import org.callgate.store.RetentionLockedException;
import org.callgate.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * What the contract cannot see: that the S3 store really puts Object Lock, tags, digest and
 * encryption on the objects, read back through the raw SDK client, and that RGW itself, not only
 * our code, refuses to destroy a locked version (R7, R8, R19).
 */
@ExtendWith(RgwServer.class)
class S3RecordingStoreTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final byte[] AUDIO = "RIFF....WAVEfmt recording".getBytes(StandardCharsets.US_ASCII);

    private S3Settings settings;
    private S3RecordingStore store;
    private S3Client raw;

    @BeforeEach
    void createStoreAndRawClientOnAFreshBucket(RgwServer.Endpoint rgw) throws Exception {
        settings = rgw.settings(TestBuckets.unique("store"));
        new S3BucketSetup(settings).ensureLockedBucket();
        store = new S3RecordingStore(settings);
        raw = S3Clients.create(settings);
    }

    @AfterEach
    void close() {
        store.close();
        raw.close();
    }

    private static Retention retention(String retentionClass, LockMode mode, Duration ahead) {
        return new Retention(retentionClass, CLOCK.instant().plus(ahead).truncatedTo(ChronoUnit.SECONDS), mode);
    }

    private HeadObjectResponse rawHead(ObjectKey key) {
        return raw.headObject(r -> r.bucket(settings.bucket()).key(key.value()));
    }

    private Map<String, String> rawTags(ObjectKey key) {
        return raw.getObjectTagging(r -> r.bucket(settings.bucket()).key(key.value())).tagSet().stream()
                .collect(java.util.stream.Collectors.toMap(Tag::key, Tag::value));
    }

    @Test
    void putNewSkipsTheExistenceCheckAndASecondPutNewLeavesTheFirstLockedVersionUntouched() throws Exception {
        ObjectKey key = ObjectKey.of("banking/2026/call-new.wav");
        Retention retention = retention("banking-recording", LockMode.COMPLIANCE, Duration.ofDays(3653));
        ObjectAttributes attributes = new ObjectAttributes("audio/wav", retention, false, Map.of());

        ObjectInfo first = store.putNew(key, AUDIO, attributes);
        store.putNew(key, "other bytes".getBytes(StandardCharsets.US_ASCII), attributes);

        var versions = raw.listObjectVersions(r -> r.bucket(settings.bucket()).prefix(key.value()))
                .versions();
        assertThat(versions).hasSize(2);
        var oldest = versions.stream().filter(v -> !v.isLatest()).findFirst().orElseThrow();
        byte[] kept = raw.getObjectAsBytes(
                        r -> r.bucket(settings.bucket()).key(key.value()).versionId(oldest.versionId()))
                .asByteArray();
        assertThat(kept).isEqualTo(AUDIO);
        assertThat(raw.headObject(r ->
                                r.bucket(settings.bucket()).key(key.value()).versionId(oldest.versionId()))
                        .metadata())
                .containsEntry("sha256", first.sha256());
        assertThatThrownBy(() -> raw.deleteObject(r -> r.bucket(settings.bucket())
                        .key(key.value())
                        .versionId(oldest.versionId())
                        .bypassGovernanceRetention(true)))
                .isInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class);
    }

    @Test
    void aPutSetsObjectLockTagsDigestAndLegalHoldThatTheRawClientReadsBack() throws Exception {
        ObjectKey key = ObjectKey.of("banking/2026/call-1.wav");
        Retention retention = retention("banking-recording", LockMode.COMPLIANCE, Duration.ofDays(3653));
        ObjectInfo put =
                store.put(key, AUDIO, new ObjectAttributes("audio/wav", retention, true, Map.of("service", "banking")));

        ObjectLockRetention lock = raw.getObjectRetention(
                        r -> r.bucket(settings.bucket()).key(key.value()))
                .retention();
        assertThat(lock.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
        assertThat(lock.retainUntilDate()).isEqualTo(retention.retainUntil());
        assertThat(raw.getObjectLegalHold(r -> r.bucket(settings.bucket()).key(key.value()))
                        .legalHold()
                        .statusAsString())
                .isEqualTo("ON");
        assertThat(rawTags(key))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "retention-class",
                        "banking-recording",
                        "retain-until",
                        retention.retainUntil().toString(),
                        "service",
                        "banking"));
        HeadObjectResponse head = rawHead(key);
        assertThat(head.metadata()).containsEntry("sha256", put.sha256());
        assertThat(head.contentType()).isEqualTo("audio/wav");
        assertThat(head.contentEncoding())
                .as("no aws-chunked left on the object")
                .isNull();
    }

    @Test
    void rgwItselfRefusesToDeleteAComplianceVersionEvenWithTheBypass() throws Exception {
        ObjectKey key = ObjectKey.of("banking/locked.wav");
        store.put(
                key,
                AUDIO,
                new ObjectAttributes(
                        "audio/wav", retention("banking-recording", LockMode.COMPLIANCE, Duration.ofDays(3653))));
        String version = rawHead(key).versionId();

        assertThatThrownBy(() -> raw.deleteObject(r -> r.bucket(settings.bucket())
                        .key(key.value())
                        .versionId(version)
                        .bypassGovernanceRetention(true)))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(rawHead(key).versionId()).isEqualTo(version);
    }

    @Test
    void aRefusedDeleteNamesTheKeyTheModeAndTheRetainUntil() throws Exception {
        ObjectKey key = ObjectKey.of("sampled/call.wav");
        Retention retention = retention("recording", LockMode.GOVERNANCE, Duration.ofDays(183));
        store.put(key, AUDIO, new ObjectAttributes("audio/wav", retention));

        assertThatThrownBy(() -> store.delete(key, false))
                .isInstanceOf(RetentionLockedException.class)
                .hasMessageContaining("sampled/call.wav")
                .hasMessageContaining("GOVERNANCE")
                .hasMessageContaining(retention.retainUntil().toString());
    }

    @Test
    void deletingDestroysTheVersionAndLeavesNoDeleteMarker() throws Exception {
        ObjectKey key = ObjectKey.of("sampled/destroyed.wav");
        store.put(
                key,
                AUDIO,
                new ObjectAttributes("audio/wav", retention("recording", LockMode.GOVERNANCE, Duration.ofDays(183))));

        store.delete(key, true);

        ListObjectVersionsResponse versions =
                raw.listObjectVersions(r -> r.bucket(settings.bucket()).prefix(key.value()));
        assertThat(versions.versions()).isEmpty();
        assertThat(versions.deleteMarkers()).isEmpty();
    }

    @Test
    void aKeyHiddenBySomeoneElsesDeleteMarkerIsAbsentAndNotListed() throws Exception {
        ObjectKey key = ObjectKey.of("traces/marked.json");
        store.put(
                key,
                "{}".getBytes(StandardCharsets.UTF_8),
                new ObjectAttributes("application/json", retention("trace", LockMode.NONE, Duration.ofDays(365))));

        raw.deleteObject(r -> r.bucket(settings.bucket()).key(key.value()));

        assertThat(store.head(key)).isEmpty();
        assertThat(store.list("traces/")).isEmpty();
    }

    @Test
    void deletingAKeyHiddenBySomeoneElsesDeleteMarkerDestroysTheHiddenVersionAndTheMarker() throws Exception {
        ObjectKey key = ObjectKey.of("traces/hidden.json");
        store.put(
                key,
                "{}".getBytes(StandardCharsets.UTF_8),
                new ObjectAttributes("application/json", retention("trace", LockMode.NONE, Duration.ofDays(365))));
        raw.deleteObject(r -> r.bucket(settings.bucket()).key(key.value()));

        store.delete(key, false);

        ListObjectVersionsResponse versions =
                raw.listObjectVersions(r -> r.bucket(settings.bucket()).prefix(key.value()));
        assertThat(versions.versions()).isEmpty();
        assertThat(versions.deleteMarkers()).isEmpty();
    }

    @Test
    void deletingAKeyWithOnlyADeleteMarkerLeftRemovesTheMarkerAndFindsNoObject() throws Exception {
        ObjectKey key = ObjectKey.of("traces/only-marker.json");
        raw.deleteObject(r -> r.bucket(settings.bucket()).key(key.value()));

        assertThatThrownBy(() -> store.delete(key, false)).isInstanceOf(ObjectNotFoundException.class);

        assertThat(raw.listObjectVersions(r -> r.bucket(settings.bucket()).prefix(key.value()))
                        .deleteMarkers())
                .isEmpty();
    }

    @Test
    void changingTheRetentionRewritesTheLockAndTheTags() throws Exception {
        ObjectKey key = ObjectKey.of("sampled/kept-longer.wav");
        store.put(
                key,
                AUDIO,
                new ObjectAttributes(
                        "audio/wav",
                        retention("recording", LockMode.GOVERNANCE, Duration.ofDays(30)),
                        false,
                        Map.of("service", "private")));
        Retention evidence = retention("evidence", LockMode.COMPLIANCE, Duration.ofDays(3653));

        store.setRetention(key, evidence, true);

        ObjectLockRetention lock = raw.getObjectRetention(
                        r -> r.bucket(settings.bucket()).key(key.value()))
                .retention();
        assertThat(lock.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
        assertThat(lock.retainUntilDate()).isEqualTo(evidence.retainUntil());
        assertThat(rawTags(key))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "retention-class",
                        "evidence",
                        "retain-until",
                        evidence.retainUntil().toString(),
                        "service",
                        "private"));
    }

    @Test
    void anSseKmsStoreEncryptsWithItsKeyAndReadsTheBytesBack() throws Exception {
        ObjectKey key = ObjectKey.of("banking/encrypted.wav");
        try (S3RecordingStore encrypting = new S3RecordingStore(settings.withKmsKey("testkey-1"))) {
            encrypting.put(
                    key,
                    AUDIO,
                    new ObjectAttributes(
                            "audio/wav", retention("banking-recording", LockMode.NONE, Duration.ofDays(1))));

            HeadObjectResponse head = rawHead(key);
            assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
            assertThat(head.ssekmsKeyId()).isEqualTo("testkey-1");
            try (InputStream in = encrypting.get(key)) {
                assertThat(in.readAllBytes()).isEqualTo(AUDIO);
            }
        }
    }

    @Test
    void rgwCannotRemoveAGovernanceLockSoChangingItToNoneFailsAndKeepsLockAndTags() throws Exception {
        ObjectKey key = ObjectKey.of("sampled/unlock.wav");
        Retention governance = retention("recording", LockMode.GOVERNANCE, Duration.ofDays(183));
        store.put(key, AUDIO, new ObjectAttributes("audio/wav", governance));

        assertThatThrownBy(() -> store.setRetention(key, retention("trace", LockMode.NONE, Duration.ofDays(1)), true))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("sampled/unlock.wav");

        assertThat(store.head(key).orElseThrow().retention()).isEqualTo(governance);
    }
}
