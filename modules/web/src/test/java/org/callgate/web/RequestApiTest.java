package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data-subject request routes (R12, R20, R22): agents log a request from a call, compliance
 * lists the register with its deadlines, takes the steps, carries a request out and exports an
 * access request's zip; the rules between steps answer 409,
 * bad values 400 or 422, an unknown request 404; listing is audited.
 */
class RequestApiTest {

    private AccessFakes fakes;
    private WebServer server;
    private ApiClient compliance;
    private ApiClient agent;

    @BeforeEach
    void start() {
        fakes = new AccessFakes();
        server = fakes.start();
        compliance = new ApiClient(server);
        compliance.login("compliance", AccessFakes.PASSWORD);
        agent = new ApiClient(server);
        agent.login("agent", AccessFakes.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static HttpResponse<String> post(ApiClient client, String path, Map<String, ?> body) {
        return client.send("POST", path, Json.bytes(body), true);
    }

    @Test
    void anAgentLogsAnObjectionFromACallWithTheNumberAsHeardAndCompliancesSeesIt() {
        var logged = post(
                agent,
                "/api/v1/requests",
                Map.of("type", "objection", "phones", List.of("0475 99 88 77"), "via", "call-123"));

        assertThat(logged.statusCode()).isEqualTo(201);
        JsonNode request = ApiClient.body(logged);
        assertThat(request.get("status").asText()).isEqualTo("open");
        assertThat(request.get("openedBy").asText()).isEqualTo("agent");
        assertThat(request.get("subject").get("phones").toString()).isEqualTo("[\"+32475998877\"]");
        assertThat(request.get("due").asText()).isEqualTo("2026-04-02T08:00:00Z");
        assertThat(fakes.requests.steps).contains("open " + request.get("id").asText() + " agent");

        var list = compliance.get("/api/v1/requests");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(ApiClient.body(list).get("requests").findValuesAsText("id"))
                .contains(request.get("id").asText());
        assertThat(fakes.entries("request.list")).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("compliance");
            assertThat(entry.details()).doesNotContainValue("+32475998877");
        });
        assertThat(agent.get("/api/v1/requests").statusCode()).isEqualTo(403);
    }

    @Test
    void theListFlagsWhatIsOverdueAndDueSoonByTheClock() {
        fakes.clock.advance(Duration.ofDays(26));
        compliance.login("compliance", AccessFakes.PASSWORD); // the session timed out meanwhile
        JsonNode soon = ApiClient.body(compliance.get("/api/v1/requests"))
                .get("requests")
                .get(0);
        assertThat(soon.get("dueSoon").asBoolean()).isTrue();
        assertThat(soon.get("overdue").asBoolean()).isFalse();

        fakes.clock.advance(Duration.ofDays(6));
        compliance.login("compliance", AccessFakes.PASSWORD);
        JsonNode late = ApiClient.body(compliance.get("/api/v1/requests"))
                .get("requests")
                .get(0);
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(late.get("dueSoon").asBoolean()).isFalse();
    }

    @Test
    void stepsFollowTheRulesAnAnswerWaitsForTheIdentityCheck() {
        String id = RequestFakes.TO_VERIFY;
        var early = post(compliance, "/api/v1/requests/" + id + "/answer", Map.of("text", "done"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(ApiClient.body(early).get("message").asText()).contains("R22");

        assertThat(post(compliance, "/api/v1/requests/" + id + "/verify", Map.of("method", "ID card at the desk"))
                        .statusCode())
                .isEqualTo(200);
        var tooLate = post(
                compliance,
                "/api/v1/requests/" + id + "/extend",
                Map.of("until", "2026-07-01", "reason", "many recordings"));
        assertThat(tooLate.statusCode()).isEqualTo(422);
        assertThat(ApiClient.body(tooLate).get("message").asText()).contains("three months");
        var answered = post(compliance, "/api/v1/requests/" + id + "/answer", Map.of("text", "erased (R12)"));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(ApiClient.body(answered).get("status").asText()).isEqualTo("answered");
        assertThat(ApiClient.body(answered).get("verification").get("by").asText())
                .isEqualTo("compliance");
        assertThat(post(compliance, "/api/v1/requests/" + id + "/refuse", Map.of("reason", "late"))
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void aVerifiedErasureIsCarriedOutAndAnswersRecordByRecordButNotBeforeTheIdentityCheck() {
        var early = post(compliance, "/api/v1/requests/" + RequestFakes.TO_VERIFY + "/carry-out", Map.of());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(ApiClient.body(early).get("message").asText()).contains("R22");

        var done = post(compliance, "/api/v1/requests/" + RequestFakes.TO_ANSWER + "/carry-out", Map.of());

        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.body(done);
        assertThat(body.get("text").asText()).startsWith("erasure: 1 records erased");
        assertThat(body.get("report").get("records").get(0).get("id").asText()).isEqualTo("call-1");
        assertThat(fakes.requests.steps).contains("carry-out " + RequestFakes.TO_ANSWER + " compliance");
        var notForAnExport = post(compliance, "/api/v1/requests/" + RequestFakes.TO_EXPORT + "/carry-out", Map.of());
        assertThat(notForAnExport.statusCode()).isEqualTo(422);
        assertThat(post(agent, "/api/v1/requests/" + RequestFakes.TO_ANSWER + "/carry-out", Map.of())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRectificationCorrectsTheDossierItNamesAndRefusesAnEmptyCorrection() {
        String path = "/api/v1/requests/" + RequestFakes.TO_RECTIFY + "/rectify";
        var empty = post(compliance, path, Map.of("dossier", AccessFakes.DOSSIER));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(ApiClient.body(empty).get("message").asText()).contains("names what to correct");
        assertThat(post(compliance, path, Map.of("name", "Dubois")).statusCode())
                .isEqualTo(400);

        var done = post(compliance, path, Map.of("dossier", AccessFakes.DOSSIER, "name", "Dubois"));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(ApiClient.body(done).get("text").asText()).startsWith("rectification:");
        assertThat(fakes.requests.steps)
                .contains("rectify " + RequestFakes.TO_RECTIFY + " " + AccessFakes.DOSSIER + " compliance");
        assertThat(post(
                                compliance,
                                "/api/v1/requests/" + RequestFakes.TO_ANSWER + "/rectify",
                                Map.of("dossier", AccessFakes.DOSSIER, "name", "Dubois"))
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void anAccessRequestIsAnsweredWithAZipDownloadOnlyForItsType() {
        var export = compliance.getBytes("/api/v1/requests/" + RequestFakes.TO_EXPORT + "/export");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("content-type")).hasValue("application/zip");
        assertThat(export.headers().firstValue("content-disposition"))
                .hasValue("attachment; filename=\"" + RequestFakes.TO_EXPORT + ".zip\"");
        assertThat(export.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(export.body()).isEqualTo(RequestFakes.EXPORT);
        assertThat(compliance
                        .get("/api/v1/requests/" + RequestFakes.TO_ANSWER + "/export")
                        .statusCode())
                .isEqualTo(422);
        assertThat(compliance
                        .get("/api/v1/requests/" + RequestFakes.TO_VERIFY + "/export")
                        .statusCode())
                .isEqualTo(409);
        assertThat(compliance.get("/api/v1/requests/R-none/export").statusCode())
                .isEqualTo(404);
    }

    @Test
    void badRequestsGetAReasonAndChangeNothing() {
        int before = fakes.requests.requests.size();
        assertThat(post(agent, "/api/v1/requests", Map.of("type", "deletion", "phones", List.of("0475998877")))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(agent, "/api/v1/requests", Map.of("type", "access", "name", "Marie"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(post(agent, "/api/v1/requests", Map.of("type", "access", "phones", List.of("not a number")))
                        .statusCode())
                .isEqualTo(422);
        assertThat(post(
                                agent,
                                "/api/v1/requests",
                                Map.of("type", "access", "phones", List.of("0475998877"), "received", "2099-01-01"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(post(agent, "/api/v1/requests", Map.of("type", "access", "surprise", 1))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(compliance, "/api/v1/requests/R-none/verify", Map.of("method", "x"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(
                                compliance,
                                "/api/v1/requests/" + RequestFakes.TO_EXTEND + "/extend",
                                Map.of("until", "next week", "reason", "r"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(fakes.requests.requests).hasSize(before);
    }
}
