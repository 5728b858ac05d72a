package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.callgate.core.dossier.SearchQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Search and read dossiers: bad input, the masked result, the audit entry of every read. */
class DossierApiTest {

    private static AccessFakes fakes;
    private static WebServer server;
    private static ApiClient agent;

    @BeforeAll
    static void start() {
        fakes = new AccessFakes();
        server = fakes.start();
        agent = new ApiClient(server);
        agent.login("agent", AccessFakes.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String q(String text) {
        return "/api/v1/dossiers?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void searchByNameShouldFindTheDossier() {
        var response = agent.get(q("Dubois") + "&limit=5");

        assertThat(response.statusCode()).isEqualTo(200);
        var body = ApiClient.body(response);
        assertThat(body.get("total").asInt()).isEqualTo(1);
        assertThat(body.get("hits").get(0).get("dossier").asText()).isEqualTo(AccessFakes.DOSSIER);
        assertThat(body.get("hits").get(0).get("displayName").asText()).isEqualTo("Dubois, Marie");
    }

    @Test
    void aNumberInAnyFormShouldBecomeAPhoneQuery() {
        int before = fakes.queries.size();
        for (String typed : List.of("0470 12 34 56", "+32 470 12 34 56", "0032470123456")) {
            assertThat(agent.get(q(typed)).statusCode()).isEqualTo(200);
        }
        List<SearchQuery> sent = fakes.queries.subList(before, fakes.queries.size());
        assertThat(sent)
                .hasSize(3)
                .allSatisfy(query -> assertThat(query.phone().e164()).isEqualTo("+32470123456"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*",
                "\"",
                "field:value",
                "name:Dubois AND *",
                "<script>alert(1)</script>",
                "' OR 1=1 --",
                "a~2^3 [x TO y] {z}",
                "\\",
                "((((",
                "é ü ß"
            })
    void injectedOrOddQueriesShouldGet200OrA400NeverA500(String typed) {
        var response = agent.get(q(typed));

        assertThat(response.statusCode()).isIn(200, 400);
        assertThat(response.body()).doesNotContain("<script>");
    }

    @Test
    void overLongOrControlCharacterQueriesShouldGet400() {
        assertThat(agent.get(q("x".repeat(201))).statusCode()).isEqualTo(400);
        assertThat(agent.get(q("x".repeat(200))).statusCode()).isEqualTo(200);
        var control = agent.get(q("Dubois\u0000"));
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(ApiClient.body(control).get("type").asText()).isEqualTo("InvalidArgument");
        assertThat(agent.get(q("a\nb")).statusCode()).isEqualTo(400);
    }

    @Test
    void aBadLimitShouldGet400() {
        assertThat(agent.get(q("Dubois") + "&limit=0").statusCode()).isEqualTo(400);
        assertThat(agent.get(q("Dubois") + "&limit=201").statusCode()).isEqualTo(400);
        assertThat(agent.get(q("Dubois") + "&limit=ten").statusCode()).isEqualTo(400);
    }

    @Test
    void readingADossierShouldAnswerItAndAuditTheRead() {
        int before = fakes.entries("dossier.read").size();

        var response = agent.get("/api/v1/dossiers/" + AccessFakes.DOSSIER);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = ApiClient.body(response);
        assertThat(body.get("number").asText()).isEqualTo(AccessFakes.DOSSIER);
        assertThat(body.get("phones").get(0).asText()).isEqualTo("+32470123456");
        assertThat(body.get("created").asText()).isEqualTo("2026-03-02T08:00:00Z");
        var reads = fakes.entries("dossier.read");
        assertThat(reads).hasSize(before + 1);
        assertThat(reads.getLast().actor()).isEqualTo("agent");
        assertThat(reads.getLast().details()).containsEntry("dossier", AccessFakes.DOSSIER);
    }

    @Test
    void anUnknownDossierShouldGet404AndNoAuditEntry() {
        int before = fakes.entries("dossier.read").size();

        var unknown = agent.get("/api/v1/dossiers/D2026-999999");
        var odd = agent.get("/api/v1/dossiers/" + URLEncoder.encode("a b<c>", StandardCharsets.UTF_8));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiClient.body(unknown).get("type").asText()).isEqualTo("NotFound");
        assertThat(odd.statusCode()).isEqualTo(404);
        assertThat(fakes.entries("dossier.read")).hasSize(before);
    }
}
