package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.callgate.core.access.AuditCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit log through the API: pages newest first, the verification, the head, and audit.read. */
class AuditApiTest {

    private static AccessFakes fakes;
    private static WebServer server;
    private static ApiClient compliance;

    @BeforeAll
    static void start() {
        fakes = new AccessFakes();
        server = fakes.start();
        compliance = new ApiClient(server);
        compliance.login("compliance", AccessFakes.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void reset() {
        fakes.auditFails.set(false);
        fakes.compliance.check.set(
                new AuditCheck(AuditCheck.State.INTACT, ComplianceFakes.ENTRIES, ComplianceFakes.PLACED, "intact"));
    }

    @Test
    void theFirstPageShouldBeTheNewestEntriesWithTheVerificationAndTheHead() {
        var response = compliance.get("/api/v1/audit?limit=3");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = ApiClient.body(response);
        assertThat(body.get("verification").get("state").asText()).isEqualTo("intact");
        assertThat(body.get("verification").get("entries").asLong()).isEqualTo(ComplianceFakes.ENTRIES);
        assertThat(body.get("verification").get("checkedAt").asText()).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(body.get("head").get("sequence").asLong()).isEqualTo(ComplianceFakes.ENTRIES);
        assertThat(body.get("head").get("hash").asText()).hasSize(64);
        assertThat(body.get("entries").findValuesAsText("action"))
                .containsExactly("dossier.read", "purge", "dossier.read");
        assertThat(body.get("entries").get(0).get("sequence").asLong()).isEqualTo(250);
        assertThat(body.get("entries").get(0).get("details").get("dossier").asText())
                .isEqualTo("sha256:250");
        assertThat(body.get("entries").get(0).get("time").asText()).isEqualTo("2026-03-01T09:04:10Z");
        assertThat(body.get("next").asLong()).isEqualTo(248);
    }

    @Test
    void beforeShouldPageBackwardsAndTheLastPageHasNoNext() {
        var page = ApiClient.body(compliance.get("/api/v1/audit?limit=10&before=5"));

        assertThat(page.get("entries").findValuesAsText("sequence")).containsExactly("4", "3", "2", "1");
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void aBrokenChainShouldBeShownAsBroken() {
        fakes.compliance.check.set(new AuditCheck(
                AuditCheck.State.BROKEN, 41, ComplianceFakes.PLACED, "chain broken at segment-000001.jsonl line 42"));

        JsonNode verification = ApiClient.body(compliance.get("/api/v1/audit")).get("verification");

        assertThat(verification.get("state").asText()).isEqualTo("broken");
        assertThat(verification.get("message").asText()).contains("line 42");
    }

    @Test
    void readingTheLogShouldBeAnAuditReadEntryWrittenFirst() {
        int before = fakes.entries("audit.read").size();

        compliance.get("/api/v1/audit?limit=5&before=100");

        var reads = fakes.entries("audit.read");
        assertThat(reads).hasSize(before + 1);
        assertThat(reads.getLast().actor()).isEqualTo("compliance");
        assertThat(reads.getLast().details())
                .containsEntry("view", "entries")
                .containsEntry("limit", "5")
                .containsEntry("before", "100");
        fakes.auditFails.set(true);
        var refused = compliance.get("/api/v1/audit");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).doesNotContain("dossier.read");
    }

    @Test
    void badLimitsAndBeforesShouldGet400NamingTheParameter() {
        for (String bad : List.of("limit=0", "limit=501", "limit=x", "before=0", "before=-3", "before=1.5")) {
            var response = compliance.get("/api/v1/audit?" + bad);

            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(ApiClient.body(response).get("details").get("field").asText())
                    .isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }
}
