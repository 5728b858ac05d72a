package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The running gateway serves /health over its store, index and SIP, and /metrics with its gauges. */
class WebHealthTest {

    @Test
    void theGatewayShouldReportItsPartsUpAndServeItsGauges(@TempDir Path dir) throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start(dir)) {
            String url = fixture.gateway.webUrl().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body())
                    .contains("\"status\":\"up\"")
                    .contains("\"store\":{\"status\":\"up\"}")
                    .contains("\"index\":{\"status\":\"up\"}")
                    .contains("\"sip\":{\"status\":\"up\"}");
            assertThat(metrics.body())
                    .contains("callgate_calls_active 0.0")
                    .contains("callgate_recordings_pending_upload")
                    .contains("callgate_recordings_stored_total 0.0")
                    .contains("callgate_index_dossiers")
                    .contains("callgate_index_size_bytes")
                    .contains("callgate_calls_setup_total 0.0")
                    .contains("callgate_purge_records_total{outcome=\"purged\"} 0.0")
                    .contains("callgate_purge_records_total{outcome=\"kept\"} 0.0")
                    .contains("callgate_requests{deadline=\"overdue\"} 0.0")
                    .contains("callgate_requests{deadline=\"due-soon\"} 0.0")
                    .containsPattern("callgate_audit_chain_head [1-9][0-9]*\\.0");
        }
    }

    @Test
    void aRequestReceivedTwoMonthsAgoShouldShowAsOverdueInTheMetrics(@TempDir Path dir) throws Exception {
        new org.callgate.users.UserStore(
                        dir.resolve(org.callgate.users.UserStore.FILE_NAME), java.time.Clock.systemUTC())
                .add(
                        "cora",
                        java.util.Set.of(org.callgate.users.Role.COMPLIANCE),
                        java.util.Set.of(),
                        "long enough passphrase".toCharArray());
        try (GatewayFixture fixture = GatewayFixture.start(dir)) {
            String url = fixture.gateway.webUrl().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            WebSession cora = WebSession.login(url, "cora", "long enough passphrase");
            String twoMonthsAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                    .minusMonths(2)
                    .toString();
            String twentyFiveDaysAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                    .minusWeeks(3)
                    .minusDays(4)
                    .toString();
            for (String received : java.util.List.of(twoMonthsAgo, twentyFiveDaysAgo)) {
                var opened = cora.send(
                        "POST",
                        "/requests",
                        java.util.Map.of(
                                "type", "access", "dossiers", java.util.List.of("D2026-000001"), "received", received));
                assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            }

            HttpResponse<String> metrics = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(metrics.body())
                    .contains("callgate_requests{deadline=\"overdue\"} 1.0")
                    .contains("callgate_requests{deadline=\"due-soon\"} 1.0");
        }
    }

    @Test
    @ExtendWith(SippRequired.class)
    void aCallShouldCountInTheSetupCounter(@TempDir Path dir) throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start(dir);
                Sipp agent = fixture.agent("uas-answer.xml").calls(1).start()) {
            SippResult caller = fixture.caller("uac-short.xml", "022785044")
                    .calls(1)
                    .start()
                    .await(Duration.ofSeconds(30));
            assertThat(caller.allCallsSucceeded()).as("%s", caller).isTrue();
            String url = fixture.gateway.webUrl().orElseThrow();

            HttpResponse<String> metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(metrics.body()).contains("callgate_calls_setup_total 1.0");
        }
    }
}
