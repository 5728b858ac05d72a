package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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

    private static final ObjectMapper JSON = WebSession.JSON;
    private static final String PASSWORD = "long enough passphrase";
    private static final String LINES = """
            prompts-dir: ${PROMPTS}
            service-lines:
              - {id: banking, name: Postinfo banking, number: 02 278 50 11, queue: "sip:banking@${AGENT}"}
            """;
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @Test
    void complianceShouldListAndPlayABankingRecordingAndASupervisorShouldNot() throws Exception {
        UserStore users = new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC());
        users.add("cora", Set.of(Role.COMPLIANCE), Set.of(), PASSWORD.toCharArray());
        users.add("sam", Set.of(Role.SUPERVISOR), Set.of("banking"), PASSWORD.toCharArray());
        try (GatewayFixture callgate = GatewayFixture.withLines(dir, LINES)) {
            CallSummary call = callgate.shortCall("022785011");
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
            WebSession cora = WebSession.login(url, "cora", PASSWORD);
            WebSession sam = WebSession.login(url, "sam", PASSWORD);

            List<JsonNode> listed = new ArrayList<>();
            await().atMost(LIMIT).until(() -> {
                callgate.gateway.dossiers().refresh();
                listed.clear();
                JSON.readTree(cora.get("/recordings").body()).forEach(listed::add);
                return !listed.isEmpty();
            });
            JsonNode recording = listed.getFirst();
            assertThat(recording.get("callId").asText()).isEqualTo(call.callId());
            assertThat(recording.get("banking").asBoolean()).isTrue();
            assertThat(recording.get("durationSeconds").isNumber()).isTrue();
            String audio = "/recordings/" + call.callId() + "/audio?reason=complaint%20C-17";

            HttpResponse<byte[]> part = cora.bytes(audio, "bytes=0-11");

            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("content-range")).hasValue("bytes 0-11/" + size);
            assertThat(part.headers().firstValue("content-type")).hasValue("audio/wav");
            assertThat(new String(Arrays.copyOf(part.body(), 4), StandardCharsets.US_ASCII))
                    .isEqualTo("RIFF");
            assertThat(cora.bytes(audio, "bytes=" + size + "-").statusCode()).isEqualTo(416);
            assertThat(sam.bytes(audio, null).statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(sam.get("/recordings").body())).isEmpty();

            List<JsonNode> reads = WebSession.auditEntries(dir.resolve("audit"), "recording.read");
            assertThat(reads).singleElement().satisfies(entry -> {
                assertThat(entry.get("actor").asText()).isEqualTo("cora");
                assertThat(entry.get("details").get("call").asText()).isEqualTo(AuditActions.hashedId(call.callId()));
                assertThat(entry.get("details").get("reason").asText()).isEqualTo("complaint C-17");
                assertThat(entry.get("details").get("range").asText()).isEqualTo("0-11/" + size);
            });
            assertThat(reads.toString()).doesNotContain(call.callId());
        }
    }
}
