package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.HttpResponse;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebServerErrorsTest {

    private static WebServer server;
    private static WebClient client;

    @BeforeAll
    static void start() {
        server = WebServer.builder(WebSettings.loopback(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .routes((sb, prefix) -> {
                    sb.route().get(prefix + "/boom").build((ctx, req) -> {
                        throw new IllegalStateException("secret detail /var/store/x");
                    });
                    sb.route().get(prefix + "/conflict").build((ctx, req) -> {
                        throw new ApiException(409, "hold already placed", Map.of("call", "c-1"));
                    });
                    sb.route().get(prefix + "/ok").build((ctx, req) -> HttpResponse.of("fine"));
                })
                .build()
                .start();
        client = new WebClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unknownRouteShouldGiveJson404() throws Exception {
        var response = client.get("/api/v1/nowhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        JsonNode body = WebClient.json(response);
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("type").asText()).isEqualTo("NotFound");
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("details").get("path").asText()).isEqualTo("/api/v1/nowhere");
    }

    @Test
    void unknownRouteOutsideTheApiShouldGiveJson404Too() throws Exception {
        var response = client.get("/nowhere.html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(WebClient.json(response).get("type").asText()).isEqualTo("NotFound");
    }

    @Test
    void wrongMethodShouldGiveJson405() throws Exception {
        var response = client.send("DELETE", "/health");

        assertThat(response.statusCode()).isEqualTo(405);
        JsonNode body = WebClient.json(response);
        assertThat(body.get("status").asInt()).isEqualTo(405);
        assertThat(body.get("type").asText()).isEqualTo("MethodNotAllowed");
        assertThat(body.get("details").get("method").asText()).isEqualTo("DELETE");
    }

    @Test
    void throwingHandlerShouldGiveJson500WithAReferenceAndNoStackTrace() throws Exception {
        var response = client.get("/api/v1/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = WebClient.json(response);
        assertThat(body.get("type").asText()).isEqualTo("ServerError");
        assertThat(body.get("message").asText()).isEqualTo(JsonErrors.INTERNAL_MESSAGE);
        assertThat(body.get("details").get("reference").asText()).matches("[0-9a-f-]{36}");
        assertThat(response.body()).doesNotContain("IllegalStateException", "secret detail", "at org.", "<html");
    }

    @Test
    void apiExceptionShouldGiveItsStatusMessageAndDetails() throws Exception {
        var response = client.get("/api/v1/conflict");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(response))
                .isEqualTo(
                        Json.MAPPER.readTree(
                                "{\"status\":409,\"type\":\"Conflict\",\"message\":\"hold already placed\",\"details\":{\"call\":\"c-1\"}}"));
    }

    @Test
    void decoratorsShouldApplyUnderTheApiPrefixOnly() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (WebServer guarded = WebServer.builder(WebSettings.loopback(), registry)
                .routes((sb, prefix) -> sb.route().get(prefix + "/ok").build((ctx, req) -> HttpResponse.of("fine")))
                .apiDecorator((delegate, ctx, req) -> {
                    throw new ApiException(401, "log in first");
                })
                .build()
                .start()) {
            WebClient guardedClient = new WebClient(guarded);

            assertThat(guardedClient.get("/api/v1/ok").statusCode()).isEqualTo(401);
            assertThat(WebClient.json(guardedClient.get("/api/v1/ok"))
                            .get("type")
                            .asText())
                    .isEqualTo("Unauthorized");
            assertThat(guardedClient.get("/health").statusCode()).isEqualTo(200);
        }
    }
}
