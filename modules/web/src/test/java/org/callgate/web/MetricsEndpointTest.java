package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    @Test
    void metricsShouldServeThePrometheusTextFormatWithJvmHttpAndRegisteredGauges() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicInteger calls = new AtomicInteger(3);
        Gauge.builder("callgate.calls.active", calls, AtomicInteger::get)
                .description("calls being routed now")
                .register(registry);
        try (WebServer server =
                WebServer.builder(WebSettings.loopback(), registry).build().start()) {
            WebClient client = new WebClient(server);
            client.get("/health");

            var response = client.get("/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            assertThat(response.body())
                    .contains("# TYPE callgate_calls_active gauge")
                    .contains("callgate_calls_active 3.0")
                    .contains("jvm_memory_used_bytes")
                    .contains("http_server_requests_total");
        }
    }
}
