package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.audit.AuditActions;
import org.callgate.core.call.CallSummary;
import org.callgate.recording.RecordingKeys;
import org.callgate.users.Role;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real banking call recorded by the gateway, then found and played through the API: compliance
 * lists it and gets a byte range of the WAV from the store, a supervisor gets 403, and the play is
 * in the audit log with the call id hashed.
 */
@ExtendWith(SippRequired.class)
class RecordingWebApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "long enough passphrase";
    private static final String LINES = """
            prompts-dir: ${PROMPTS}
            service-lines:
              - {id: banking, name: Postinfo banking, number: 02 278 50 11, queue: "sip:banking@${AGENT}"}
            """;
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void complianceShouldListAndPlayABankingRecordingAndASupervisorShouldNot() throws Exception {
        UserStore users = new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC());
        users.add("cora", Set.of(Role.COMPLIANCE), Set.of(), PASSWORD.toCharArray());
        users.add("sam", Set.of(Role.SUPERVISOR), Set.of("banking"), PASSWORD.toCharArray());
        try (GatewayFixture callgate = GatewayFixture.withLines(dir, LINES)) {
            CallSummary call = bankingCall(callgate);
            RecordingKeys keys = RecordingKeys.of(call.callId(), call.answered());
            await().atMost(LIMIT)
                    .until(() -> callgate.gateway
                                    .recordingStore()
                                    .head(keys.metadata())
                                    .isPresent()
                            && callgate.gateway.pendingUploads() == 0);
            long size = callgate.gateway
                    .recordingStore()
                    .head(keys.audio())
                    .orElseThrow()
                    .size();
            String url = callgate.gateway.webUrl().orElseThrow();
            String cora = login(url, "cora");
            String sam = login(url, "sam");

            List<JsonNode> listed = new ArrayList<>();
            await().atMost(LIMIT).until(() -> {
                callgate.gateway.dossiers().refresh();
                listed.clear();
                JSON.readTree(send(url + "/api/v1/recordings", cora, null).body())
                        .forEach(listed::add);
                return !listed.isEmpty();
            });
            JsonNode recording = listed.getFirst();
            assertThat(recording.get("callId").asText()).isEqualTo(call.callId());
            assertThat(recording.get("banking").asBoolean()).isTrue();
            assertThat(recording.get("durationSeconds").isNumber()).isTrue();
            String audio = url + "/api/v1/recordings/" + call.callId() + "/audio?reason=complaint%20C-17";

            HttpResponse<byte[]> part = send(audio, cora, "bytes=0-11");

            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("content-range")).hasValue("bytes 0-11/" + size);
            assertThat(part.headers().firstValue("content-type")).hasValue("audio/wav");
            assertThat(new String(Arrays.copyOf(part.body(), 4), StandardCharsets.US_ASCII))
                    .isEqualTo("RIFF");
            assertThat(send(audio, cora, "bytes=" + size + "-").statusCode()).isEqualTo(416);
            assertThat(send(audio, sam, null).statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(send(url + "/api/v1/recordings", sam, null).body()))
                    .isEmpty();

            List<JsonNode> reads = auditEntries(dir.resolve("audit")).stream()
                    .filter(entry -> entry.get("action").asText().equals("recording.read"))
                    .toList();
            assertThat(reads).singleElement().satisfies(entry -> {
                assertThat(entry.get("actor").asText()).isEqualTo("cora");
                assertThat(entry.get("details").get("call").asText()).isEqualTo(AuditActions.hashedId(call.callId()));
                assertThat(entry.get("details").get("reason").asText()).isEqualTo("complaint C-17");
                assertThat(entry.get("details").get("range").asText()).isEqualTo("0-11/" + size);
            });
            assertThat(reads.toString()).doesNotContain(call.callId());
        }
    }

    private static CallSummary bankingCall(GatewayFixture callgate) throws Exception {
        try (Sipp agent = callgate.agent("uas-answer.xml")
                        .calls(1)
                        .arg("-rtp_echo")
                        .start();
                Sipp uac = Sipp.scenario(GatewayFixture.scenario("uac-short.xml"))
                        .remote("127.0.0.1:" + callgate.sipPort)
                        .localPort(FreePorts.udpAndTcp())
                        .mediaPort(callgate.mediaPort())
                        .service("022785011")
                        .calls(1)
                        .arg("-d", "500")
                        .workDir(callgate.dir)
                        .timeout(LIMIT)
                        .start()) {
            SippResult result = uac.await(LIMIT);
            assertThat(result.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", result, agent.output())
                    .isTrue();
        }
        return callgate.nextEndedCall();
    }

    private String login(String url, String name) throws Exception {
        byte[] body = JSON.writeValueAsBytes(Map.of("name", name, "password", PASSWORD));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    }

    private HttpResponse<byte[]> send(String url, String cookie, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie);
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<JsonNode> auditEntries(Path auditDir) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(auditDir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    entries.add(JSON.readTree(line));
                }
            }
        }
        return entries;
    }
}
