package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Legal holds through the API: list, place (with strict validation), release (404, 409), and the
 * audit entries, without a caller's number in the log.
 */
class HoldApiTest {

    private static AccessFakes fakes;
    private static WebServer server;
    private static ApiClient compliance;
    private static ApiClient agent;

    @BeforeAll
    static void start() {
        fakes = new AccessFakes();
        server = fakes.start();
        compliance = new ApiClient(server);
        compliance.login("compliance", AccessFakes.PASSWORD);
        agent = new ApiClient(server);
        agent.login("agent", AccessFakes.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void auditWorksAgain() {
        fakes.auditFails.set(false);
    }

    private static java.net.http.HttpResponse<String> place(Map<String, ?> body) {
        return compliance.send("POST", "/api/v1/holds", Json.bytes(body), true);
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", "dossier");
        body.put("value", "D2026-000777");
        body.put("caseId", "C-2026-17");
        body.put("reason", "complaint about a transfer");
        return body;
    }

    private static List<String> ids(JsonNode holds) {
        List<String> ids = new ArrayList<>();
        holds.get("holds").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    @Test
    void theListShouldShowActiveHoldsAndWithReleasedTrueTheReleasedOnesToo() {
        int lists = fakes.entries("hold.list").size();
        var active = compliance.get("/api/v1/holds");
        var all = compliance.get("/api/v1/holds?released=true");

        assertThat(active.statusCode()).isEqualTo(200);
        assertThat(ids(ApiClient.body(active)))
                .contains(ComplianceFakes.ACTIVE)
                .doesNotContain(ComplianceFakes.RELEASED);
        assertThat(ids(ApiClient.body(all))).contains(ComplianceFakes.ACTIVE, ComplianceFakes.RELEASED);
        JsonNode released = ApiClient.body(all).get("holds").findParents("id").stream()
                .filter(h -> h.get("id").asText().equals(ComplianceFakes.RELEASED))
                .findFirst()
                .orElseThrow();
        assertThat(released.get("scope").asText()).isEqualTo("caller");
        assertThat(released.get("value").asText()).isEqualTo(AccessFakes.CALLER);
        assertThat(released.get("releasedBy").asText()).isEqualTo("compliance");
        assertThat(released.get("releasedAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(compliance.get("/api/v1/holds?released=maybe").statusCode()).isEqualTo(400);
        assertThat(fakes.entries("hold.list")).hasSize(lists + 2);
        assertThat(fakes.entries("hold.list").getLast().details()).containsEntry("released", "true");
        assertThat(fakes.entries("hold.list").getLast().actor()).isEqualTo("compliance");
    }

    @Test
    void whenTheAuditWriteFailsNoHoldShouldBeListed() {
        fakes.auditFails.set(true);

        var response = compliance.get("/api/v1/holds?released=true");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain(AccessFakes.CALLER);
    }

    @Test
    void placingAHoldShouldAnswer201WithTheHoldAndWriteHoldPlace() {
        var response = place(valid());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode hold = ApiClient.body(response);
        assertThat(hold.get("scope").asText()).isEqualTo("dossier");
        assertThat(hold.get("value").asText()).isEqualTo("D2026-000777");
        assertThat(hold.get("caseId").asText()).isEqualTo("C-2026-17");
        assertThat(hold.get("placedBy").asText()).isEqualTo("compliance");
        assertThat(hold.get("placedAt").asText()).isEqualTo(AccessFakes.START.toString());
        assertThat(hold.get("releasedAt").isNull()).isTrue();
        assertThat(hold.get("records").asInt()).isEqualTo(3);
        assertThat(fakes.entries("hold.place").getLast().actor()).isEqualTo("compliance");
        assertThat(fakes.entries("hold.place").getLast().details())
                .containsEntry("hold", hold.get("id").asText())
                .containsEntry("dossier", "D2026-000777")
                .containsEntry("case", "C-2026-17")
                .containsEntry("objects", "5");
        assertThat(ids(ApiClient.body(compliance.get("/api/v1/holds"))))
                .contains(hold.get("id").asText());
    }

    @Test
    void aCallerHoldShouldKeepTheNumberInE164AndLeaveItOutOfTheAuditLog() {
        Map<String, Object> body = valid();
        body.put("scope", "caller");
        body.put("value", "0470 55 66 77");

        var response = place(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(ApiClient.body(response).get("value").asText()).isEqualTo("+32470556677");
        assertThat(fakes.entries("hold.place").getLast().details().toString())
                .doesNotContain("556677")
                .contains("caller");
    }

    @Test
    void badInputShouldGet400Or422NamingTheField() {
        List<Object[]> cases = List.of(
                new Object[] {"scope", "everything", 400},
                new Object[] {"scope", null, 400},
                new Object[] {"value", 42, 400},
                new Object[] {"value", "not a number!", 422},
                new Object[] {"caseId", "  ", 422},
                new Object[] {"reason", "line\nbreak", 422},
                new Object[] {"reason", "x".repeat(HoldRoutes.MAX_REASON + 1), 400},
                new Object[] {"extra", "field", 400});
        for (Object[] c : cases) {
            Map<String, Object> body = valid();
            body.put((String) c[0], c[1]);
            if (c[0].equals("value") && c[1] instanceof String) {
                body.put("scope", "caller");
            }

            var response = place(body);

            assertThat(response.statusCode())
                    .as("%s=%s: %s", c[0], c[1], response.body())
                    .isEqualTo(c[2]);
            assertThat(ApiClient.body(response).get("details").get("field").asText())
                    .isEqualTo(c[0]);
        }
        var notJson = compliance.send("POST", "/api/v1/holds", "{".getBytes(), true);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(ApiClient.body(notJson).get("details").get("field").asText()).isEqualTo("body");
    }

    @Test
    void theSameActiveHoldTwiceShouldGet409() {
        Map<String, Object> body = valid();
        body.put("value", "D2026-000888");
        assertThat(place(body).statusCode()).isEqualTo(201);

        assertThat(place(body).statusCode()).isEqualTo(409);
        body.put("value", "D2026-000889");
        fakes.compliance.placeRaces.set(true);
        int placed = fakes.entries("hold.place").size();
        assertThat(place(body).statusCode())
                .as("placed by another officer meanwhile")
                .isEqualTo(409);
        assertThat(fakes.entries("hold.place")).hasSize(placed);
    }

    @Test
    void releasingShouldAnswer200ThenA409AndAnUnknownHold404() {
        String id = ApiClient.body(
                        place(Map.of("scope", "recording", "value", "call-77@example", "caseId", "C-1", "reason", "r")))
                .get("id")
                .asText();

        var released = compliance.send("POST", "/api/v1/holds/" + id + "/release", "{}".getBytes(), true);
        var again = compliance.send("POST", "/api/v1/holds/" + id + "/release", null, true);
        var unknown = compliance.send("POST", "/api/v1/holds/H-nope/release", null, true);

        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(ApiClient.body(released).get("releasedBy").asText()).isEqualTo("compliance");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(fakes.entries("hold.release").getLast().details())
                .containsEntry("hold", id)
                .containsEntry("call", "call-77@example");
        var withBody = compliance.send("POST", "/api/v1/holds/" + id + "/release", "{\"why\":1}".getBytes(), true);
        assertThat(withBody.statusCode()).isEqualTo(400);
    }

    @Test
    void anAgentShouldGet403AndPlaceNothing() {
        int before = fakes.compliance.holds.size();

        var response = agent.send("POST", "/api/v1/holds", Json.bytes(valid()), true);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(fakes.compliance.holds).hasSize(before);
    }
}
