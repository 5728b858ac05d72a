package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.records.DossierDetails;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.users.Role;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A legal hold through the API of the running gateway (R11, R19): a compliance officer places a
 * hold on a dossier, sees it listed, the index and the store hold the dossier, the officer releases
 * it and both let it go; the audit log has both entries with the officer's name, and its chain,
 * read through the API, is intact.
 */
class ComplianceWebApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "long enough passphrase";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aComplianceOfficerShouldPlaceListAndReleaseADossierHoldAuditedAndVerified(@TempDir Path dir) throws Exception {
        new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC())
                .add("cora", Set.of(Role.COMPLIANCE), Set.of(), PASSWORD.toCharArray());
        try (GatewayFixture fixture = GatewayFixture.start(dir)) {
            Dossier dossier = fixture.gateway
                    .dossiers()
                    .create(
                            "parcels",
                            new DossierDetails("Dubois", "Marie", List.of("+32470123456"), null, null, null));
            fixture.gateway.dossiers().refresh();
            String url = fixture.gateway.webUrl().orElseThrow() + "/api/v1";
            String[] session = login(url);
            assertThat(indexHeld(fixture, dossier)).isFalse();
            assertThat(storeHeld(fixture.gateway.recordingStore())).containsOnly(false);

            HttpResponse<String> placed = send(
                    "POST",
                    url + "/holds",
                    session,
                    Map.of("scope", "dossier", "value", dossier.number(), "caseId", "C-2026-17", "reason", "dispute"));

            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            JsonNode hold = JSON.readTree(placed.body());
            String id = hold.get("id").asText();
            assertThat(hold.get("placedBy").asText()).isEqualTo("cora");
            assertThat(hold.get("records").asInt()).isPositive();
            JsonNode listed =
                    JSON.readTree(send("GET", url + "/holds", session, null).body());
            assertThat(listed.get("holds").findValuesAsText("id")).containsExactly(id);
            fixture.gateway.dossiers().refresh();
            assertThat(indexHeld(fixture, dossier)).isTrue();
            assertThat(storeHeld(fixture.gateway.recordingStore())).isNotEmpty().containsOnly(true);

            HttpResponse<String> released = send("POST", url + "/holds/" + id + "/release", session, Map.of());

            assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
            assertThat(JSON.readTree(released.body()).get("releasedBy").asText())
                    .isEqualTo("cora");
            assertThat(send("POST", url + "/holds/" + id + "/release", session, Map.of())
                            .statusCode())
                    .isEqualTo(409);
            assertThat(JSON.readTree(send("GET", url + "/holds", session, null).body())
                            .get("holds"))
                    .isEmpty();
            fixture.gateway.dossiers().refresh();
            assertThat(indexHeld(fixture, dossier)).isFalse();
            assertThat(storeHeld(fixture.gateway.recordingStore())).containsOnly(false);

            HttpResponse<String> audit = send("GET", url + "/audit?limit=20", session, null);

            assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(audit.body());
            assertThat(page.get("verification").get("state").asText())
                    .as(page.get("verification").toString())
                    .isEqualTo("intact");
            assertThat(page.get("head").get("sequence").asLong())
                    .isEqualTo(page.get("entries").get(0).get("sequence").asLong());
            assertThat(page.get("entries").findValuesAsText("action"))
                    .containsSubsequence("audit.read", "hold.release", "hold.place");
            List<JsonNode> entries = auditEntries(dir.resolve("audit"));
            assertThat(entries)
                    .filteredOn(e -> e.get("action").asText().equals("hold.place"))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.get("actor").asText()).isEqualTo("cora");
                        assertThat(e.get("details").get("hold").asText()).isEqualTo(id);
                        assertThat(e.get("details").get("case").asText()).isEqualTo("C-2026-17");
                    });
            assertThat(entries)
                    .filteredOn(e -> e.get("action").asText().equals("hold.release"))
                    .extracting(e -> e.get("actor").asText())
                    .containsExactly("cora");
            assertThat(entries.toString()).doesNotContain(dossier.number());
        }
    }

    private static boolean indexHeld(GatewayFixture fixture, Dossier dossier) {
        return fixture.gateway
                .dossiers()
                .search(SearchQuery.all()
                        .only(RecordKind.DOSSIER)
                        .withDossier(dossier.number())
                        .page(0, 1))
                .hits()
                .getFirst()
                .retention()
                .legalHold();
    }

    /** Whether each stored object of the dossier is under the store's legal hold. */
    private static List<Boolean> storeHeld(RecordingStore store) throws Exception {
        List<Boolean> held = new ArrayList<>();
        for (ObjectKey key : store.list("dossiers/")) {
            held.add(store.head(key).orElseThrow().legalHold());
        }
        return held;
    }

    private String[] login(String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                JSON.writeValueAsBytes(Map.of("name", "cora", "password", PASSWORD))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String cookie =
                response.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        return new String[] {
            cookie, JSON.readTree(response.body()).get("csrfToken").asText()
        };
    }

    private HttpResponse<String> send(String method, String url, String[] session, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", session[0])
                .header("X-CSRF-Token", session[1])
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
