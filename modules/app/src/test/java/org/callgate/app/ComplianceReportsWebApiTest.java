package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.recording.RecordingKeys;
import org.callgate.users.Role;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compliance reports over a real banking call (R8): the completeness report finds it recorded
 * and locked from the traces in the store, and the dashboard counts it in the index as a call and
 * a recording, coverage 1.0.
 */
@ExtendWith(SippRequired.class)
class ComplianceReportsWebApiTest {

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
    void aRecordedBankingCallShouldBeCompleteInTheReportAndFullyCoveredOnTheDashboard() throws Exception {
        new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC())
                .add("cora", Set.of(Role.COMPLIANCE), Set.of(), PASSWORD.toCharArray());
        try (GatewayFixture callgate = GatewayFixture.withLines(dir, LINES)) {
            CallSummary call = bankingCall(callgate);
            RecordingKeys keys = RecordingKeys.of(call.callId(), call.answered());
            await().atMost(LIMIT)
                    .until(() -> callgate.gateway
                                    .recordingStore()
                                    .head(keys.metadata())
                                    .isPresent()
                            && callgate.gateway.pendingUploads() == 0
                            && callgate.gateway.pendingTraces() == 0);
            String url = callgate.gateway.webUrl().orElseThrow() + "/api/v1";
            String cookie = login(url);
            LocalDate day = LocalDate.ofInstant(call.started(), ZoneOffset.UTC);

            JsonNode report = get(url + "/reports/completeness?from=" + day + "&to=" + day, cookie);

            assertThat(report.get("complete").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("counts").get("ok").asInt()).isEqualTo(1);
            JsonNode line = report.get("calls").get(0);
            assertThat(line.get("callId").asText()).isEqualTo(call.callId());
            assertThat(line.get("service").asText()).isEqualTo("banking");
            assertThat(line.get("status").asText()).isEqualTo("ok");

            AtomicReference<JsonNode> banking = new AtomicReference<>();
            AtomicInteger at = new AtomicInteger();
            await().atMost(LIMIT).until(() -> {
                callgate.gateway.dossiers().refresh();
                JsonNode dashboard = get(url + "/reports/dashboard?days=2", cookie);
                java.util.List<String> days = new java.util.ArrayList<>();
                dashboard.get("days").forEach(d -> days.add(d.asText()));
                at.set(days.indexOf(day.toString()));
                banking.set(dashboard.get("services").get(0));
                return at.get() >= 0
                        && banking.get().get("recorded").get(at.get()).asLong() == 1
                        && banking.get().get("calls").get(at.get()).asLong() == 1;
            });
            assertThat(banking.get().get("service").asText()).isEqualTo("banking");
            assertThat(banking.get().get("banking").asBoolean()).isTrue();
            assertThat(banking.get().get("coverage").get(at.get()).asDouble()).isEqualTo(1.0);
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

    private String login(String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                JSON.writeValueAsBytes(Map.of("name", "cora", "password", PASSWORD))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    }

    private JsonNode get(String url, String cookie) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
