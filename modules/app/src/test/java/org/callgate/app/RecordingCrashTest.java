package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.callgate.app.demo.Sipp;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * callgate killed with SIGKILL in the middle of a recorded call loses nothing it had recorded:
 * the next start stores the partial recording, marked incomplete, with its banking retention
 * (DESIGN §1 step 7).
 */
@ExtendWith(SippRequired.class)
class RecordingCrashTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aRecordingCutBySigkillIsStoredMarkedIncompleteWhenCallgateStartsAgain() throws Exception {
        int sipPort = FreePorts.udpAndTcp();
        int agentPort = FreePorts.udpAndTcp();
        int rtpMin = FreePorts.udpRange(44000, 100);
        Path config = Files.writeString(dir.resolve("crash.yaml"), """
                sip: {listen-address: 127.0.0.1, port: %d, transports: [udp]}
                media: {address: 127.0.0.1, rtp-port-min: %d, rtp-port-max: %d}
                store: {path: %s, spool: %s}
                prompts-dir: %s
                service-lines:
                  - {id: banking, name: Banking, number: 02 278 50 11, queue: "sip:banking@127.0.0.1:%d"}
                """.formatted(
                        sipPort,
                        rtpMin,
                        rtpMin + 19,
                        dir.resolve("store"),
                        dir.resolve("spool"),
                        GatewayFixture.PROMPTS,
                        agentPort));
        StereoTones.writeAlawTone(dir.resolve("caller.alaw"), 440);
        StereoTones.writeAlawTone(dir.resolve("agent.alaw"), 1000);
        int media = FreePorts.udpRange(rtpMin + 100, 100);

        try (CallgateProcess callgate = CallgateProcess.start(config, dir, "callgate");
                Sipp agent = Sipp.scenario(GatewayFixture.scenario("uas-tone.xml"))
                        .localPort(agentPort)
                        .mediaPort(media)
                        .calls(1)
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start();
                Sipp caller = Sipp.scenario(GatewayFixture.scenario("uac-tone.xml"))
                        .remote("127.0.0.1:" + sipPort)
                        .mediaPort(media + 50)
                        .service("022785011")
                        .calls(1)
                        .arg("-d", "20000")
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start()) {
            Path spool = dir.resolve("spool");
            // two seconds of audio (32 kB/s) have reached the spool file: the call is being recorded
            await().atMost(Duration.ofSeconds(30)).until(() -> wavBytes(spool) > 2 * 32_000);
            callgate.kill(); // SIGKILL: no shutdown hook, no flush, no fsync
            assertThat(wavBytes(spool)).isGreaterThan(2 * 32_000);
        }

        try (GatewayFixture restarted = GatewayFixture.start(dir)) {
            RecordingStore store = restarted.gateway.recordingStore();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> store.list("recordings/").size() == 2);
            List<ObjectKey> keys = store.list("recordings/");
            ObjectInfo wav = store.head(keys.get(1)).orElseThrow();
            assertThat(keys.get(1).value()).endsWith(".wav");
            assertThat(wav.retention().mode()).isEqualTo(LockMode.COMPLIANCE);
            JsonNode metadata;
            try (InputStream in = store.get(keys.get(0))) {
                metadata = new ObjectMapper().readTree(in);
            }
            assertThat(metadata.get("incomplete").asBoolean()).isTrue();
            assertThat(metadata.get("service").asText()).isEqualTo("banking");
            assertThat(metadata.get("durationMillis").asLong()).isGreaterThanOrEqualTo(2000);
            byte[] audio;
            try (InputStream in = store.get(keys.get(1))) {
                audio = in.readAllBytes();
            }
            short[][] channels = StereoTones.channels(audio);
            assertThat(channels[0].length * 1000L / StereoTones.RATE)
                    .isEqualTo(metadata.get("durationMillis").asLong());
            int to = channels[0].length - StereoTones.RATE / 4;
            assertThat(StereoTones.power(channels[0], StereoTones.RATE / 2, to, 440))
                    .isGreaterThan(1e6);
            assertThat(StereoTones.power(channels[1], StereoTones.RATE / 2, to, 1000))
                    .isGreaterThan(1e6);
            assertThat(dir.resolve("spool").toFile().list((d, name) -> !name.equals(".free")))
                    .isEmpty();
        }
    }

    private static long wavBytes(Path spool) throws Exception {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.toString().endsWith(".wav"))
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }
}
