package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The completeness report, the purge runs and the coverage dashboard through the API. */
class ReportApiTest {

    private static AccessFakes fakes;
    private static WebServer server;
    private static ApiClient compliance;
    private static ApiClient supervisor;

    @BeforeAll
    static void start() {
        fakes = new AccessFakes();
        server = fakes.start();
        compliance = new ApiClient(server);
        compliance.login("compliance", AccessFakes.PASSWORD);
        supervisor = new ApiClient(server);
        supervisor.login("supervisor", AccessFakes.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCompletenessReportShouldCoverWholeUtcDaysAndBeAuditedAsReportRead() {
        int before = fakes.entries("report.read").size();

        var response = compliance.get("/api/v1/reports/completeness?from=2026-03-01&to=2026-03-02");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = ApiClient.body(response);
        assertThat(body.get("from").asText()).isEqualTo("2026-03-01");
        assertThat(body.get("to").asText()).isEqualTo("2026-03-02");
        assertThat(body.get("complete").asBoolean()).isFalse();
        assertThat(body.get("counts").get("ok").asInt()).isEqualTo(1);
        assertThat(body.get("counts").get("not-in-store").asInt()).isEqualTo(1);
        assertThat(body.get("calls").get(1).get("callId").asText()).isEqualTo("call-bank-2");
        assertThat(body.get("calls").get(1).get("service").asText()).isEqualTo("bank");
        assertThat(body.get("calls").get(1).get("complete").asBoolean()).isFalse();
        var asked = fakes.compliance.completenessAsked.getLast();
        assertThat(asked[0]).hasToString("2026-03-01T00:00:00Z");
        assertThat(asked[1]).hasToString("2026-03-03T00:00:00Z");
        var reads = fakes.entries("report.read");
        assertThat(reads).hasSize(before + 1);
        assertThat(reads.getLast().details())
                .containsEntry("report", "completeness")
                .containsEntry("from", "2026-03-01");
    }

    @Test
    void withoutDatesTheReportShouldBeTodayByTheClock() {
        var body = ApiClient.body(compliance.get("/api/v1/reports/completeness"));

        assertThat(body.get("from").asText()).isEqualTo("2026-03-02");
        assertThat(body.get("to").asText()).isEqualTo("2026-03-02");
    }

    @Test
    void badPeriodsShouldGet400NamingTheParameter() {
        List<String[]> cases = List.of(
                new String[] {"from=2026-3-1", "from"},
                new String[] {"to=yesterday", "to"},
                new String[] {"from=2026-03-05&to=2026-03-01", "from"},
                new String[] {"from=2025-01-01&to=2026-03-01", "from"});
        for (String[] c : cases) {
            var response = compliance.get("/api/v1/reports/completeness?" + c[0]);

            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(ApiClient.body(response).get("details").get("field").asText())
                    .isEqualTo(c[1]);
        }
        assertThat(compliance.get("/api/v1/reports/dashboard?days=93").statusCode())
                .isEqualTo(400);
        assertThat(compliance.get("/api/v1/reports/purges?limit=0").statusCode())
                .isEqualTo(400);
    }

    @Test
    void purgeRunsShouldShowTheirCountsAndBeAuditedAsAuditRead() {
        int before = fakes.entries("audit.read").size();

        var response = compliance.get("/api/v1/reports/purges?limit=5");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode run = ApiClient.body(response).get("reports").get(0);
        assertThat(run.get("id").asText()).isEqualTo("20260302T030000Z");
        assertThat(run.get("dryRun").asBoolean()).isFalse();
        assertThat(run.get("deleted").get("trace").asLong()).isEqualTo(10);
        assertThat(run.get("deletedTotal").asLong()).isEqualTo(14);
        assertThat(run.get("kept").get("locked").asLong()).isEqualTo(2);
        assertThat(run.get("local").get(0).get("what").asText()).isEqualTo("spool");
        assertThat(run.get("finished").asText()).isEqualTo("2026-03-02T03:00:05Z");
        assertThat(fakes.entries("audit.read")).hasSize(before + 1);
        assertThat(fakes.entries("audit.read").getLast().details()).containsEntry("view", "purges");
    }

    @Test
    void theDashboardShouldGiveCoveragePerDayAndNullOnADayWithoutCalls() {
        var response = compliance.get("/api/v1/reports/dashboard?days=3");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.body(response);
        assertThat(body.get("days").findValuesAsText("days")).isEmpty();
        assertThat(body.get("days").get(0).asText()).isEqualTo("2026-02-28");
        assertThat(body.get("days").get(2).asText()).isEqualTo("2026-03-02");
        JsonNode bank = body.get("services").get(0);
        assertThat(bank.get("service").asText()).isEqualTo("bank");
        assertThat(bank.get("banking").asBoolean()).isTrue();
        assertThat(bank.get("calls").get(0).asLong()).isEqualTo(4);
        assertThat(bank.get("recorded").get(0).asLong()).isEqualTo(3);
        assertThat(bank.get("coverage").get(0).asDouble()).isEqualTo(0.75);
        assertThat(bank.get("coverage").get(2).isNull()).isTrue();
        assertThat(body.get("services").get(1).get("coverage").get(0).asDouble())
                .isEqualTo(1.0);
        assertThat(fakes.compliance.dashboardAsked.getLast()).containsExactly(LocalDate.parse("2026-03-02"), 3);
    }

    @Test
    void complianceRoutesWithoutAccessShouldBeRefusedWhenTheServerIsBuilt() {
        var builder = WebServer.builder(
                WebSettings.loopback(),
                new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                        io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        builder.compliance(fakes.compliance.desk, fakes.compliance.reader, fakes.compliance.reports))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("access");
    }

    @Test
    void aSupervisorShouldGet403OnEveryReport() {
        for (String path : List.of("completeness", "purges", "dashboard")) {
            assertThat(supervisor.get("/api/v1/reports/" + path).statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
    }
}
