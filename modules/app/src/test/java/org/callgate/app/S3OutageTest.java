package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.recording.RecordingKeys;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.s3.RgwServer;
import org.callgate.store.s3.S3BucketSetup;
import org.callgate.store.s3.S3Settings;
import org.callgate.store.s3.TestBuckets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * The S3 endpoint goes away while recordings are being uploaded and comes back: every recording
 * arrives, once, with the retention of its class (DESIGN §1 step 7), and so does each call's trace
 * (R1). Against a real Ceph RGW whose
 * gateway the test stops and starts; the objects stay in its cluster meanwhile.
 */
@ExtendWith({SippRequired.class, RgwServer.class})
class S3OutageTest {

    private static final String LINES = """
            prompts-dir: ${PROMPTS}
            service-lines:
              - {id: banking, name: Postinfo banking, number: 02 278 50 11, queue: "sip:banking@${AGENT}"}
            """;
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final int CALLS = 6;

    @TempDir
    Path dir;

    @Test
    void everyRecordingArrivesOnceWithItsRetentionAfterTheS3EndpointWasDownDuringUploads(RgwServer.Endpoint s3)
            throws Exception {
        Assumptions.assumeTrue(s3.ownServer(), "S3_ENDPOINT is an external server: this test cannot stop it");
        String bucket = TestBuckets.unique("outage");
        S3Settings settings = s3.settings(bucket);
        new S3BucketSetup(settings).ensureLockedBucket();
        String store = """
                store:
                  type: s3
                  spool: %s
                  s3: {endpoint: "%s", region: us-east-1, bucket: %s, path-style: true, access-key: %s, secret-key: %s}
                """.formatted(dir.resolve("spool"), s3.uri(), bucket, s3.accessKey(), s3.secretKey());
        List<CallSummary> calls = new ArrayList<>();
        int traceBatches;
        try (GatewayFixture callgate = GatewayFixture.withStore(dir, LINES, store)) {
            RecordingStore recordings = callgate.gateway.recordingStore();
            try (Sipp agent = callgate.agent("uas-answer.xml")
                            .calls(CALLS)
                            .arg("-rtp_echo")
                            .timeout(LIMIT)
                            .start();
                    Sipp caller = callgate.caller("uac-call.xml", "022785011")
                            .calls(CALLS)
                            .rate(2)
                            .arg("-d", "3000")
                            .timeout(LIMIT)
                            .start()) {
                // the first recording is stored; the gateway goes down while the others are still to come
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> !recordings.list("recordings/").isEmpty());
                s3.stopGateway();
                SippResult result = caller.await(LIMIT);
                assertThat(result.allCallsSucceeded())
                        .as("caller: %s\nagent: %s", result, agent.output())
                        .isTrue();
                agent.await(LIMIT);
            }
            for (int i = 0; i < CALLS; i++) {
                calls.add(callgate.nextEndedCall());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> callgate.gateway.pendingUploads() > 0);
            try (var spool = Files.list(dir.resolve("spool"))) {
                assertThat(spool.filter(f -> !f.getFileName().toString().equals(".free"))
                                .count())
                        .as("waiting in the spool")
                        .isPositive();
            }

            s3.startGateway();
            await().atMost(Duration.ofSeconds(120)).until(() -> callgate.gateway.pendingUploads() == 0);
            for (CallSummary call : calls) {
                ObjectInfo wav =
                        recordings.head(key(call, ".wav")).orElseThrow(() -> new AssertionError("missing " + call));
                assertThat(wav.retention().mode()).isEqualTo(LockMode.COMPLIANCE);
                assertThat(wav.retention().retentionClass()).isEqualTo("banking-recording");
                Instant tenYears =
                        call.answered().atOffset(ZoneOffset.UTC).plusYears(10).toInstant();
                assertThat(wav.retention().retainUntil()).isBetween(tenYears.minusSeconds(1), tenYears.plusSeconds(1));
                assertThat(recordings.head(key(call, ".json"))).isPresent();
            }
            assertThat(recordings.list("recordings/")).hasSize(2 * CALLS);
            await().atMost(Duration.ofSeconds(60)).until(() -> callgate.gateway.pendingTraces() == 0);
            callgate.gateway.dossiers().refresh();
            assertThat(callgate.gateway
                            .dossiers()
                            .search(SearchQuery.all().only(RecordKind.TRACE))
                            .total())
                    .as("each call's trace (R1) also arrived")
                    .isEqualTo(CALLS);
            traceBatches = recordings.list("traces/").size();
        }
        assertThat(versionsIn(settings))
                .filteredOn(version -> !version.key().startsWith("audit/")) // the audit log's head, at close
                .as("one version per object: nothing stored twice")
                .hasSize(2 * CALLS + traceBatches)
                .extracting(ObjectVersion::key)
                .doesNotHaveDuplicates();
        try (var spool = Files.list(dir.resolve("spool"))) {
            assertThat(spool.filter(f -> !f.getFileName().toString().equals(".free"))
                            .toList())
                    .isEmpty();
        }
    }

    private static ObjectKey key(CallSummary call, String suffix) {
        RecordingKeys keys = RecordingKeys.of(call.callId(), call.answered());
        return suffix.equals(".wav") ? keys.audio() : keys.metadata();
    }

    private static List<ObjectVersion> versionsIn(S3Settings settings) {
        try (S3Client raw = S3Client.builder()
                .endpointOverride(settings.endpoint().orElseThrow())
                .region(Region.of(settings.region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        settings.accessKey().orElseThrow(), settings.secretKey().orElseThrow())))
                .build()) {
            return raw.listObjectVersions(r -> r.bucket(settings.bucket())).versions();
        }
    }
}
