package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.callgate.core.health.Health;
import org.callgate.core.health.HealthCheck;
import org.junit.jupiter.api.Test;

class HealthEndpointTest {

    private static HealthCheck check(String name, AtomicReference<Health> state) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Health check() {
                return state.get();
            }
        };
    }

    @Test
    void healthShouldBeUpWhenEveryComponentIsAndDownNamingTheFailingOnes() throws Exception {
        AtomicReference<Health> store = new AtomicReference<>(Health.up());
        AtomicReference<Health> sip = new AtomicReference<>(Health.up());
        try (WebServer server = WebServer.builder(
                        WebSettings.loopback(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .healthCheck(check("store", store))
                .healthCheck(check("sip", sip))
                .build()
                .start()) {
            WebClient client = new WebClient(server);

            var up = client.get("/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(WebClient.json(up))
                    .isEqualTo(
                            Json.MAPPER.readTree(
                                    "{\"status\":\"up\",\"components\":{\"store\":{\"status\":\"up\"},\"sip\":{\"status\":\"up\"}}}"));

            sip.set(Health.down("gateway not running"));
            var down = client.get("/health");
            assertThat(down.statusCode()).isEqualTo(503);
            JsonNode body = WebClient.json(down);
            assertThat(body.get("status").asText()).isEqualTo("down");
            assertThat(body.get("failing").toString()).isEqualTo("[\"sip\"]");
            assertThat(body.get("components").get("sip").get("reason").asText()).isEqualTo("gateway not running");
            assertThat(body.get("components").get("store").get("status").asText())
                    .isEqualTo("up");
        }
    }

    @Test
    void aThrowingCheckShouldCountAsDownWithoutItsMessage() throws Exception {
        HealthCheck broken = new HealthCheck() {
            @Override
            public String name() {
                return "index";
            }

            @Override
            public Health check() {
                throw new IllegalStateException("/secret/path");
            }
        };
        try (WebServer server = WebServer.builder(
                        WebSettings.loopback(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .healthCheck(broken)
                .build()
                .start()) {
            var response = new WebClient(server).get("/health");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("IllegalStateException").doesNotContain("/secret/path");
        }
    }
}
