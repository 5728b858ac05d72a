package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.callgate.app.config.RecordingConfig;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.recording.Recording;
import org.callgate.core.recording.RecordingDecision;
import org.callgate.recording.RecordingKeys;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionLockedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded calls reach the store as R4 and product rule 4 ask: every banking call (R8) and a keyed
 * half of the others (R7), the conversation only, caller left and agent right, with metadata and
 * the retention of their class, enforced by the store.
 */
@ExtendWith(SippRequired.class)
class RecordingTest {

    private static final String LINES = """
            prompts-dir: ${PROMPTS}
            service-lines:
              - {id: banking, name: Postinfo banking, number: 02 278 50 11, queue: "sip:banking@${AGENT}"}
              - {id: private, name: Private customers, number: 02 278 50 44, queue: "sip:private@${AGENT}"}
              - {id: business, name: Business customers, number: 02 201 11 11, queue: "sip:business@${AGENT}"}
            """;
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final int CALLER_HZ = 440;
    private static final int AGENT_HZ = 1000;

    @TempDir
    Path dir;

    private GatewayFixture callgate;

    @AfterEach
    void stop() {
        if (callgate != null) {
            callgate.close();
        }
    }

    @Test
    void aBankingCallIsStoredAsStereoWavWithTheCallerLeftTheAgentRightAndTheConversationsLength() throws Exception {
        callgate = GatewayFixture.withLines(dir, LINES);
        StereoTones.writeAlawTone(dir.resolve("caller.alaw"), CALLER_HZ);
        StereoTones.writeAlawTone(dir.resolve("agent.alaw"), AGENT_HZ);
        try (Sipp agent = Sipp.scenario(GatewayFixture.scenario("uas-tone.xml"))
                        .localPort(callgate.agentPort)
                        .mediaPort(callgate.mediaPort())
                        .calls(1)
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start();
                Sipp caller = Sipp.scenario(GatewayFixture.scenario("uac-tone.xml"))
                        .remote("127.0.0.1:" + callgate.sipPort)
                        .mediaPort(callgate.mediaPort())
                        .service("022785011")
                        .calls(1)
                        .arg("-d", "3000")
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", call, agent.output())
                    .isTrue();
            agent.await(LIMIT);
        }
        CallSummary summary = callgate.nextEndedCall();
        assertThat(summary.recording().reason()).isEqualTo(Recording.Reason.BANKING_MIFID);

        RecordingStore store = callgate.gateway.recordingStore();
        ObjectKey wavKey = keyOf(summary, ".wav");
        ObjectInfo wav = await().atMost(Duration.ofSeconds(20))
                .until(() -> store.head(wavKey).orElse(null), w -> w != null);
        short[][] channels = StereoTones.channels(read(store, wavKey));

        long conversationMillis =
                Duration.between(summary.answered(), summary.ended()).toMillis();
        assertThat(channels[0].length * 1000L / StereoTones.RATE)
                .isCloseTo(conversationMillis, org.assertj.core.data.Offset.offset(100L));
        int from = StereoTones.RATE / 2;
        int to = channels[0].length - StereoTones.RATE / 2;
        assertThat(StereoTones.power(channels[0], from, to, CALLER_HZ))
                .isGreaterThan(1000 * StereoTones.power(channels[0], from, to, AGENT_HZ))
                .isGreaterThan(1e6);
        assertThat(StereoTones.power(channels[1], from, to, AGENT_HZ))
                .isGreaterThan(1000 * StereoTones.power(channels[1], from, to, CALLER_HZ))
                .isGreaterThan(1e6);

        assertThat(wav.retention().retentionClass()).isEqualTo(Recording.BANKING_RECORDING);
        assertThat(wav.retention().mode()).isEqualTo(LockMode.COMPLIANCE);
        Instant tenYears =
                summary.answered().atOffset(ZoneOffset.UTC).plusYears(10).toInstant();
        assertThat(wav.retention().retainUntil()).isBetween(tenYears.minusSeconds(1), tenYears.plusSeconds(1));
        assertThatThrownBy(() -> store.delete(wavKey, true)).isInstanceOf(RetentionLockedException.class);

        JsonNode metadata = new ObjectMapper().readTree(read(store, keyOf(summary, ".json")));
        assertThat(metadata.get("caller").asText()).isEqualTo(summary.caller());
        assertThat(metadata.get("service").asText()).isEqualTo("banking");
        assertThat(metadata.get("decision").asText()).isEqualTo("recorded;reason=banking-mifid");
        assertThat(metadata.get("retentionClass").asText()).isEqualTo("banking-recording");
        assertThat(metadata.get("sha256").asText()).isEqualTo(wav.sha256());
        assertThat(metadata.get("incomplete").asBoolean()).isFalse();
        assertThat(metadata.get("durationMillis").asLong())
                .isCloseTo(conversationMillis, org.assertj.core.data.Offset.offset(100L));
    }

    @Test
    void ofTwoHundredCallsAboutHalfAreRecordedByAReproducibleSampleAndOnlyThoseAreStored() throws Exception {
        callgate = GatewayFixture.withLines(dir, LINES);
        int calls = 200;
        try (Sipp agent = Sipp.scenario(GatewayFixture.scenario("uas-answer.xml"))
                        .localPort(callgate.agentPort)
                        .mediaPort(callgate.mediaPort())
                        .calls(calls)
                        .arg("-rtp_echo")
                        .timeout(LIMIT)
                        .start();
                Sipp caller = Sipp.scenario(GatewayFixture.scenario("uac-short.xml"))
                        .remote("127.0.0.1:" + callgate.sipPort)
                        .mediaPort(callgate.mediaPort())
                        .service("022785044")
                        .calls(calls)
                        .rate(25)
                        // The fixture's 100 RTP port pairs carry 50 calls (two legs each); on a busy
                        // machine calls last longer and, unlimited, more than that would overlap.
                        .concurrentLimit(40)
                        .arg("-d", "200")
                        .timeout(LIMIT)
                        .start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", call, agent.output())
                    .isTrue();
            agent.await(LIMIT);
        }
        List<CallSummary> summaries = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            summaries.add(callgate.nextEndedCall());
        }
        RecordingDecision auditor = new RecordingDecision(0.5, RecordingConfig.DEMO_KEY, Set.of("banking"));
        List<String> recorded = new ArrayList<>();
        for (CallSummary s : summaries) {
            assertThat(auditor.decide(s.callId(), "private", false, null)).isEqualTo(s.recording());
            if (s.recording().recorded()) {
                recorded.add(s.callId());
            }
        }
        // the binomial 99.9 % interval of 200 draws at 50 %: 100 ± 3.29 × √50, i.e. 77 to 123
        assertThat(recorded.size()).isBetween(77, 123);

        RecordingStore store = callgate.gateway.recordingStore();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> callgate.gateway.pendingUploads() == 0
                        && store.list("recordings/").size() == 2 * recorded.size());
        List<String> stored = store.list("recordings/").stream()
                .map(ObjectKey::value)
                .filter(k -> k.endsWith(".wav"))
                .map(k -> k.substring(k.lastIndexOf('/') + 1, k.length() - 4))
                .toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(dir.resolve("spool").toFile().list((d, name) -> !name.equals(".free")))
                .isEmpty();
    }

    private static ObjectKey keyOf(CallSummary call, String suffix) {
        RecordingKeys keys = RecordingKeys.of(call.callId(), call.answered());
        return suffix.equals(".wav") ? keys.audio() : keys.metadata();
    }

    private static byte[] read(RecordingStore store, ObjectKey key) throws Exception {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }
}
