package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.audit.AuditActions;
import org.callgate.users.Role;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent calls a customer back from the web API (R5): callgate sends the agent's phone (SIPp) a
 * REFER naming the customer's number and the line, the phone accepts, the API answers 202, and
 * the audit log has the callback with the number hashed. A phone outside the platform's addresses
 * is refused before anything is sent.
 */
@ExtendWith(SippRequired.class)
class CallbackWebApiTest {

    private static final ObjectMapper JSON = WebSession.JSON;
    private static final String PASSWORD = "long enough passphrase";
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @Test
    void anAgentsCallbackShouldReachTheirPhoneAsAReferToTheCustomersNumberAndBeAudited() throws Exception {
        new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC())
                .add("anna", Set.of(Role.AGENT), Set.of(), PASSWORD.toCharArray());
        int phonePort = FreePorts.udpAndTcp();
        try (GatewayFixture callgate = GatewayFixture.withLines(dir, IvrFlowTest.LINES);
                Sipp phone = Sipp.scenario(GatewayFixture.scenario("phone-refer.xml"))
                        .localPort(phonePort)
                        .mediaPort(callgate.mediaPort())
                        .calls(1)
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start()) {
            String url = callgate.gateway.webUrl().orElseThrow();
            WebSession anna = WebSession.login(url, "anna", PASSWORD);

            HttpResponse<String> response = anna.send(
                    "POST",
                    "/callbacks",
                    Map.of(
                            "phone", "sip:anna@127.0.0.1:" + phonePort,
                            "number", "0470 12 34 56",
                            "service", "private",
                            "dossier", "D2026-000042"));

            assertThat(response.statusCode())
                    .as("%s\nphone: %s", response.body(), phone.output())
                    .isEqualTo(202);
            assertThat(JSON.readTree(response.body()).get("sipStatus").asInt()).isEqualTo(202);
            SippResult result = phone.await(LIMIT);
            assertThat(result.allCallsSucceeded()).as("phone: %s", result).isTrue();
            List<JsonNode> callbacks = WebSession.auditEntries(dir.resolve("audit"), "callback.place");
            assertThat(callbacks).singleElement().satisfies(entry -> {
                assertThat(entry.get("actor").asText()).isEqualTo("anna");
                assertThat(entry.get("details").has("number")).isFalse();
                assertThat(entry.get("details").get("dossier").asText())
                        .isEqualTo(AuditActions.hashedId("D2026-000042"));
                assertThat(entry.get("details").get("service").asText()).isEqualTo("private");
            });
            assertThat(callbacks.toString())
                    .as("no number, not even hashed (docs/audit.md)")
                    .doesNotContain("470123456")
                    .doesNotContain(AuditActions.hashedId("+32470123456"));
        }
    }

    @Test
    void aPhoneOutsideThePlatformOrAnUnknownLineShouldGive422() throws Exception {
        new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC())
                .add("anna", Set.of(Role.AGENT), Set.of(), PASSWORD.toCharArray());
        try (GatewayFixture callgate = GatewayFixture.withLines(dir, IvrFlowTest.LINES)) {
            String url = callgate.gateway.webUrl().orElseThrow();
            WebSession anna = WebSession.login(url, "anna", PASSWORD);

            HttpResponse<String> elsewhere = anna.send(
                    "POST",
                    "/callbacks",
                    Map.of("phone", "sip:anna@192.0.2.7", "number", "0470123456", "service", "private"));
            HttpResponse<String> noLine = anna.send(
                    "POST",
                    "/callbacks",
                    Map.of("phone", "sip:anna@127.0.0.1:5999", "number", "0470123456", "service", "lottery"));

            assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(422);
            assertThat(JSON.readTree(elsewhere.body()).get("message").asText()).contains("allowed-sources");
            assertThat(noLine.statusCode()).as(noLine.body()).isEqualTo(422);
            assertThat(JSON.readTree(noLine.body()).get("message").asText()).contains("lottery");
        }
    }
}
