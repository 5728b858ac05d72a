package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static final ObjectMapper JSON = WebSession.JSON;
    private static final String PASSWORD = "long enough passphrase";

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
            WebSession session = WebSession.login(fixture.gateway.webUrl().orElseThrow(), "cora", PASSWORD);
            assertThat(indexHeld(fixture, dossier)).isFalse();
            assertThat(storeHeld(fixture.gateway.recordingStore())).containsOnly(false);

            HttpResponse<String> placed = session.send(
                    "POST",
                    "/holds",
                    Map.of("scope", "dossier", "value", dossier.number(), "caseId", "C-2026-17", "reason", "dispute"));

            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            JsonNode hold = JSON.readTree(placed.body());
            String id = hold.get("id").asText();
            assertThat(hold.get("placedBy").asText()).isEqualTo("cora");
            assertThat(hold.get("records").asInt()).isPositive();
            JsonNode listed = JSON.readTree(session.send("GET", "/holds", null).body());
            assertThat(listed.get("holds").findValuesAsText("id")).containsExactly(id);
            fixture.gateway.dossiers().refresh();
            assertThat(indexHeld(fixture, dossier)).isTrue();
            assertThat(storeHeld(fixture.gateway.recordingStore())).isNotEmpty().containsOnly(true);

            HttpResponse<String> released = session.send("POST", "/holds/" + id + "/release", Map.of());

            assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
            assertThat(JSON.readTree(released.body()).get("releasedBy").asText())
                    .isEqualTo("cora");
            assertThat(session.send("POST", "/holds/" + id + "/release", Map.of())
                            .statusCode())
                    .isEqualTo(409);
            assertThat(JSON.readTree(session.send("GET", "/holds", null).body()).get("holds"))
                    .isEmpty();
            fixture.gateway.dossiers().refresh();
            assertThat(indexHeld(fixture, dossier)).isFalse();
            assertThat(storeHeld(fixture.gateway.recordingStore())).containsOnly(false);

            HttpResponse<String> audit = session.send("GET", "/audit?limit=20", null);

            assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(audit.body());
            assertThat(page.get("verification").get("state").asText())
                    .as(page.get("verification").toString())
                    .isEqualTo("intact");
            assertThat(page.get("head").get("sequence").asLong())
                    .isEqualTo(page.get("entries").get(0).get("sequence").asLong());
            assertThat(page.get("entries").findValuesAsText("action"))
                    .containsSubsequence("audit.read", "hold.release", "hold.place");
            List<JsonNode> entries = WebSession.auditEntries(dir.resolve("audit"));
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
}
