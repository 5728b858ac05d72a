package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login, who am I, logout, timeouts, CSRF and the audit entries of sessions. */
class SessionApiTest {

    private AccessFakes fakes;
    private WebServer server;
    private ApiClient client;

    @BeforeEach
    void start() {
        fakes = new AccessFakes();
        server = fakes.start();
        client = new ApiClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loginShouldSetAStrictHttpOnlyCookieAndReturnTheAccountAndAToken() {
        var response = client.login("agent", AccessFakes.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("callgate_session=")
                .containsIgnoringCase("; HttpOnly")
                .contains("SameSite=Strict", "Path=/")
                .doesNotContainIgnoringCase("secure"); // plain HTTP here; Secure over TLS
        assertThat(client.session).matches("[A-Za-z0-9_-]{43}"); // 256 bits
        var body = ApiClient.body(response);
        assertThat(body.get("name").asText()).isEqualTo("agent");
        assertThat(body.get("roles").toString()).isEqualTo("[\"agent\"]");
        assertThat(body.get("csrfToken").asText()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(client.session);
        assertThat(fakes.entries("login")).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("agent");
            assertThat(entry.details()).containsEntry("address", "127.0.0.1");
        });
    }

    @Test
    void everyApiAnswerShouldSayInServerTimingHowLongCallgateTookAndNothingElse() {
        client.login("agent", AccessFakes.PASSWORD);

        var whoAmI = client.get("/api/v1/session");
        var anonymous = new ApiClient(server).get("/api/v1/dossiers?q=Dubois");

        assertThat(whoAmI.statusCode()).isEqualTo(200);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        for (var response : java.util.List.of(whoAmI, anonymous)) {
            String timing = response.headers().firstValue("server-timing").orElseThrow();
            assertThat(timing).matches("app;dur=\\d+\\.\\d{3}");
            assertThat(Double.parseDouble(timing.substring("app;dur=".length())))
                    .isPositive();
        }
    }

    @Test
    void wrongPasswordAndUnknownUserShouldGetTheSame401() {
        var wrong = client.login("agent", "not the password");
        var unknown = client.login("nobody", AccessFakes.PASSWORD);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(ApiClient.body(wrong).get("message"))
                .isEqualTo(ApiClient.body(unknown).get("message"));
        assertThat(ApiClient.body(wrong).get("type").asText()).isEqualTo("Unauthorized");
        assertThat(wrong.headers().firstValue("set-cookie")).isEmpty();
        assertThat(fakes.entries("login.failed"))
                .hasSize(2)
                .allSatisfy(entry -> assertThat(entry.details())
                        .containsEntry("address", "127.0.0.1")
                        .containsEntry("reason", "refused"));
    }

    @Test
    void throttledLoginShouldGet429WithRetryAfter() {
        var response = client.login("locked", AccessFakes.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("91");
        assertThat(ApiClient.body(response).get("type").asText()).isEqualTo("TooManyRequests");
        assertThat(fakes.entries("login.failed"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.details()).containsEntry("reason", "throttled"));
    }

    @Test
    void malformedLoginShouldGet400() {
        var response = client.send("POST", "/api/v1/session", "{\"name\":".getBytes(), false);
        var missing = client.send("POST", "/api/v1/session", Json.bytes(Map.of("name", "agent")), false);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    @Test
    void whoAmIShouldAnswerWithTheSessionAndLogoutShouldEndIt() {
        client.login("compliance", AccessFakes.PASSWORD);

        var me = client.get("/api/v1/session");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(ApiClient.body(me).get("name").asText()).isEqualTo("compliance");
        assertThat(ApiClient.body(me).get("csrfToken").asText()).isEqualTo(client.csrf);

        var logout = client.send("DELETE", "/api/v1/session", null, true);
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("set-cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(401);
        assertThat(fakes.entries("logout"))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("compliance"));
    }

    @Test
    void withoutASessionEveryApiRouteButLoginAndTheDocumentShouldGet401() {
        assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(401);
        assertThat(client.get("/api/v1/dossiers?q=x").statusCode()).isEqualTo(401);
        assertThat(client.get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
        client.session = "forged-or-expired";
        assertThat(ApiClient.body(client.get("/api/v1/session")).get("type").asText())
                .isEqualTo("Unauthorized");
    }

    @Test
    void aWriteWithoutTheCsrfTokenShouldGet403AndKeepTheSession() {
        client.login("agent", AccessFakes.PASSWORD);

        var none = client.send("DELETE", "/api/v1/session", null, false);
        String token = client.csrf;
        client.csrf = token.substring(1) + "A";
        var wrong = client.send("DELETE", "/api/v1/session", null, true);
        client.csrf = token;

        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(ApiClient.body(none).get("type").asText()).isEqualTo("Forbidden");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(200);
        assertThat(fakes.entries("logout")).isEmpty();
    }

    @Test
    void aSessionShouldEndAfter15IdleMinutes() {
        client.login("agent", AccessFakes.PASSWORD);

        fakes.clock.advance(Duration.ofMinutes(14));
        assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(200);
        fakes.clock.advance(Duration.ofMinutes(14)); // 14 minutes since the last use
        assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(200);
        fakes.clock.advance(Duration.ofMinutes(15));
        assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionShouldEnd12HoursAfterTheLoginHoweverBusy() {
        client.login("agent", AccessFakes.PASSWORD);

        for (int i = 0; i < 12 * 6 - 1; i++) {
            fakes.clock.advance(Duration.ofMinutes(10));
            assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(200);
        }
        fakes.clock.advance(Duration.ofMinutes(10));
        assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(401);
    }
}
