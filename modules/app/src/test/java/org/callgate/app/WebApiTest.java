package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.callgate.audit.AuditActions;
import org.callgate.core.dossier.Dossier;
import org.callgate.records.DossierDetails;
import org.callgate.users.Role;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API through the running gateway: a user from a real user file logs in, searches the real
 * index, reads a dossier from the store, and the read is in the audit log.
 */
class WebApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "long enough passphrase";

    @Test
    void anAgentShouldLogInSearchReadADossierAndLeaveAnAuditEntry(@TempDir Path dir) throws Exception {
        new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC())
                .add("anna", Set.of(Role.AGENT), Set.of(), PASSWORD.toCharArray());
        try (GatewayFixture fixture = GatewayFixture.start(dir)) {
            Dossier dossier = fixture.gateway
                    .dossiers()
                    .create(
                            "parcels",
                            new DossierDetails("Dubois", "Marie", List.of("+32470123456"), null, null, null));
            fixture.gateway.dossiers().refresh();
            String url = fixture.gateway.webUrl().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> wrong = http.send(login(url, "anna", "not the password"), ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);
            HttpResponse<String> login = http.send(login(url, "anna", PASSWORD), ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String cookie =
                    login.headers().firstValue("set-cookie").orElseThrow().split(";")[0];

            HttpResponse<String> search = http.send(
                    get(
                            url + "/api/v1/dossiers?q=" + URLEncoder.encode("0470 12 34 56", StandardCharsets.UTF_8),
                            cookie),
                    ofString());
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(search.body()).get("hits").findValuesAsText("dossier"))
                    .contains(dossier.number());

            HttpResponse<String> read =
                    http.send(get(url + "/api/v1/dossiers/" + dossier.number(), cookie), ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(read.body()).get("displayName").asText()).isEqualTo("Dubois, Marie");

            HttpResponse<String> injected = http.send(
                    get(
                            url + "/api/v1/dossiers?q=" + URLEncoder.encode("name:* OR \"", StandardCharsets.UTF_8),
                            cookie),
                    ofString());
            assertThat(injected.statusCode()).isIn(200, 400);

            List<JsonNode> entries = WebSession.auditEntries(dir.resolve("audit"));
            assertThat(entries)
                    .filteredOn(entry -> entry.get("action").asText().equals("dossier.read"))
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.get("actor").asText()).isEqualTo("anna");
                        assertThat(entry.get("details").get("dossier").asText())
                                .isEqualTo(AuditActions.hashedId(dossier.number()));
                        assertThat(entry.get("time").asText()).isNotBlank();
                    });
            assertThat(entries)
                    .filteredOn(entry -> entry.get("action").asText().startsWith("login"))
                    .extracting(entry -> entry.get("action").asText())
                    .containsExactly("login.failed", "login");
            assertThat(entries.toString()).doesNotContain(dossier.number(), PASSWORD);
        }
    }

    private static HttpRequest login(String url, String name, String password) throws Exception {
        byte[] body = JSON.writeValueAsBytes(java.util.Map.of("name", name, "password", password));
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static HttpRequest get(String url, String cookie) {
        return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build();
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }
}
