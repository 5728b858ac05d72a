package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agents create and edit dossiers (R2) and record caller checks (R17): a 422 names the field at
 * fault, an edit of an old version is a 409, an IBAN the caller says is compared on the server and
 * never sent back, and every write and check is audited.
 */
class DossierWriteApiTest {

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

    private static Map<String, Object> draft() {
        Map<String, Object> draft = new HashMap<>();
        draft.put("service", "parcels");
        draft.put("name", "Janssens");
        draft.put("firstName", "An");
        draft.put("phones", List.of("0470 11 22 33"));
        draft.put("iban", "be71 0961 2345 6769");
        draft.put("email", "an@example.org");
        draft.put("notes", "prefers e-mail");
        return draft;
    }

    private static java.net.http.HttpResponse<String> post(String path, Map<String, Object> body) {
        return agent.send("POST", path, Json.bytes(body), true);
    }

    @Test
    void aCreatedDossierShouldComeBackAsTheDossierPageShowsItWithTheIbanMasked() {
        var response = post("/api/v1/dossiers", draft());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var body = ApiClient.body(response);
        String number = body.get("number").asText();
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("displayName").asText()).isEqualTo("Janssens, An");
        assertThat(body.get("phones").get(0).asText()).isEqualTo("+32470112233");
        assertThat(body.get("maskedIban").asText()).isEqualTo("BE** **** **** 6769");
        assertThat(response.body()).doesNotContain("0961");
        assertThat(body.get("service").asText()).isEqualTo("parcels");
        assertThat(fakes.entries("dossier.write"))
                .anySatisfy(entry -> assertThat(entry.details()).containsEntry("dossier", number));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"name,' '", "phones,not a number", "iban,BE00 0961 2345 6769", "email,nobody", "service,Bad Service"})
    void anInvalidFieldShouldBeA422NamingIt(String field, String value) {
        Map<String, Object> draft = draft();
        draft.put(field, field.equals("phones") ? List.of(value) : value);

        var response = post("/api/v1/dossiers", draft);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(ApiClient.body(response).get("details").get("field").asText())
                .isEqualTo(field);
    }

    @Test
    void anEditOfTheLatestVersionShouldWriteTheNextAndAnEditOfAnOldOneShouldBeA409() {
        String number =
                ApiClient.body(post("/api/v1/dossiers", draft())).get("number").asText();
        Map<String, Object> edit = draft();
        edit.put("notes", "call back after 17:00");
        edit.put("version", 1);

        var first = agent.send("PUT", "/api/v1/dossiers/" + number, Json.bytes(edit), true);
        var second = agent.send("PUT", "/api/v1/dossiers/" + number, Json.bytes(edit), true);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(ApiClient.body(first).get("version").asInt()).isEqualTo(2);
        assertThat(ApiClient.body(first).get("notes").asText()).isEqualTo("call back after 17:00");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(fakes.agentSide.dossiers.get(number).version()).isEqualTo(2);
    }

    @Test
    void aCheckOnADossierThatKeptChangingOnOtherNodesShouldBeA409WithTheReasonAndNotAudited() {
        fakes.agentSide.changing.add(AgentFakes.WITH_IBAN);
        int audited = fakes.entries("dossier.check").size();

        var response = post(
                "/api/v1/dossiers/" + AgentFakes.WITH_IBAN + "/checks", Map.of("kind", "identity", "result", "ok"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        var body = ApiClient.body(response);
        assertThat(body.get("type").asText()).isEqualTo("Conflict");
        assertThat(body.get("message").asText())
                .isEqualTo("dossier " + AgentFakes.WITH_IBAN + " kept changing meanwhile (on other nodes); try again");
        assertThat(fakes.entries("dossier.check")).hasSize(audited);
        fakes.agentSide.changing.clear();
    }

    @Test
    void anEditWithoutVersionShouldBeA400AndOfAnUnknownDossierA404() {
        Map<String, Object> edit = draft();
        assertThat(agent.send("PUT", "/api/v1/dossiers/" + AccessFakes.DOSSIER, Json.bytes(edit), true)
                        .statusCode())
                .isEqualTo(400);
        edit.put("version", 1);
        assertThat(agent.send("PUT", "/api/v1/dossiers/D2026-999999", Json.bytes(edit), true)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theIbanTheCallerSaysShouldBeComparedOnTheServerAndNeverEchoed() {
        String path = "/api/v1/dossiers/" + AgentFakes.WITH_IBAN + "/checks";

        var right = post(path, Map.of("kind", "iban", "value", "be71 0961 2345 6769"));
        var wrong = post(path, Map.of("kind", "iban", "value", "BE68 5390 0754 7034"));

        assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
        var body = ApiClient.body(right);
        assertThat(body.get("kind").asText()).isEqualTo("iban");
        assertThat(body.get("matches").asBoolean()).isTrue();
        assertThat(body.get("checkedBy").asText()).isEqualTo("agent");
        assertThat(body.get("checkedAt").asText()).isEqualTo(AccessFakes.START.toString());
        assertThat(ApiClient.body(wrong).get("matches").asBoolean()).isFalse();
        assertThat(right.body() + wrong.body()).doesNotContain("0961").doesNotContain("5390");
        assertThat(fakes.agentSide.dossiers.get(AgentFakes.WITH_IBAN).notes())
                .contains("2026-03-02T08:00Z iban check ok by agent")
                .contains("2026-03-02T08:00Z iban check failed by agent");
        assertThat(fakes.entries("dossier.check"))
                .anySatisfy(entry -> assertThat(entry.details())
                        .containsEntry("dossier", AgentFakes.WITH_IBAN)
                        .containsEntry("kind", "iban")
                        .containsEntry("result", "ok"))
                .allSatisfy(entry -> assertThat(entry.details().toString()).doesNotContain("0961"));
    }

    @Test
    void aMandateCheckShouldRecordTheAgentsResultAndNote() {
        var response = post(
                "/api/v1/dossiers/" + AccessFakes.DOSSIER + "/checks",
                Map.of("kind", "mandate", "result", "failed", "note", "mandate revoked"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(ApiClient.body(response).get("matches").isNull()).isTrue();
        assertThat(ApiClient.body(response).get("result").asText()).isEqualTo("failed");
        assertThat(fakes.agentSide.dossiers.get(AccessFakes.DOSSIER).notes())
                .contains("mandate check failed by agent: mandate revoked");
    }

    @Test
    void aBadCheckShouldBeA422AndAnIbanCheckOfADossierWithoutIbanToo() {
        String path = "/api/v1/dossiers/" + AccessFakes.DOSSIER + "/checks";
        assertThat(post(path, Map.of("kind", "voice")).statusCode()).isEqualTo(422);
        assertThat(post(path, Map.of("kind", "identity", "result", "maybe")).statusCode())
                .isEqualTo(422);
        assertThat(post(path, Map.of("kind", "iban", "value", "BE71 0961 2345 6769"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(post("/api/v1/dossiers/D2026-999999/checks", Map.of("kind", "identity", "result", "ok"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aBodyThatIsNotAJsonObjectShouldBeA400() {
        var response = agent.send("POST", "/api/v1/dossiers", "[1]".getBytes(), true);

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
