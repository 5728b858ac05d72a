package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admins' routes: users listed without any secret, added (409 for a name taken, 422 for a rule
 * broken), disabled and enabled, the configuration read redacted; each change and read audited.
 */
class AdminApiTest {

    private static AccessFakes fakes;
    private static WebServer server;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        fakes = new AccessFakes();
        server = fakes.start();
        admin = new ApiClient(server);
        admin.login("admin", AccessFakes.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theUserListShouldShowNamesRolesServicesAndStateOnly() {
        var response = admin.get("/api/v1/users");

        assertThat(response.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode anna = null;
        for (var user : ApiClient.body(response).get("users")) {
            if (user.get("name").asText().equals(AgentFakes.USER)) {
                anna = user;
            }
        }
        assertThat(anna).isNotNull();
        assertThat(anna.get("roles").get(0).asText()).isEqualTo("agent");
        assertThat(anna.get("services").get(0).asText()).isEqualTo("private");
        assertThat(anna.get("disabled").asBoolean()).isFalse();
        assertThat(anna.get("created").asText()).isEqualTo(AccessFakes.START.toString());
        assertThat(anna.has("password")).isFalse();
    }

    @Test
    void anAddedUserShouldBeA201AndAnAuditEntryWithoutThePassword() {
        var response = admin.send(
                "POST",
                "/api/v1/users",
                Json.bytes(Map.of(
                        "name", "cora",
                        "roles", List.of("compliance"),
                        "password", "long enough passphrase")),
                true);
        var again = admin.send(
                "POST",
                "/api/v1/users",
                Json.bytes(
                        Map.of("name", "cora", "roles", List.of("compliance"), "password", "long enough passphrase")),
                true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(ApiClient.body(response).get("name").asText()).isEqualTo("cora");
        assertThat(response.body()).doesNotContain("passphrase");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(fakes.entries("user.add")).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("admin");
            assertThat(entry.details()).containsEntry("user", "cora").containsEntry("roles", "compliance");
            assertThat(entry.details().toString()).doesNotContain("passphrase");
        });
    }

    @Test
    void aWeakPasswordOrAMissingFieldShouldBeA422() {
        var weak = admin.send(
                "POST",
                "/api/v1/users",
                Json.bytes(Map.of("name", "bob", "roles", List.of("agent"), "password", "short")),
                true);
        var noRole = admin.send(
                "POST", "/api/v1/users", Json.bytes(Map.of("name", "bob", "password", "long enough passphrase")), true);

        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(noRole.statusCode()).isEqualTo(422);
        assertThat(ApiClient.body(noRole).get("details").get("field").asText()).isEqualTo("roles");
        assertThat(fakes.agentSide.users).doesNotContainKey("bob");
    }

    @Test
    void disablingAndEnablingShouldChangeTheUserAndBeAudited() {
        var disabled = admin.send("POST", "/api/v1/users/" + AgentFakes.USER + "/disable", null, true);
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(ApiClient.body(disabled).get("disabled").asBoolean()).isTrue();
        var enabled = admin.send("POST", "/api/v1/users/" + AgentFakes.USER + "/enable", null, true);
        assertThat(ApiClient.body(enabled).get("disabled").asBoolean()).isFalse();
        assertThat(admin.send("POST", "/api/v1/users/nobody/disable", null, true)
                        .statusCode())
                .isEqualTo(404);
        assertThat(fakes.entries("user.disable")).isNotEmpty();
        assertThat(fakes.entries("user.enable")).isNotEmpty();
    }

    @Test
    void disablingAUserShouldEndTheirOpenSessions() {
        fakes.agentSide.users.put(
                "agent",
                new org.callgate.core.access.UserView(
                        "agent",
                        java.util.Set.of("agent"),
                        java.util.Set.of(),
                        false,
                        AccessFakes.START,
                        AccessFakes.START));
        ApiClient agent = new ApiClient(server);
        agent.login("agent", AccessFakes.PASSWORD);
        assertThat(agent.get("/api/v1/session").statusCode()).isEqualTo(200);

        assertThat(admin.send("POST", "/api/v1/users/agent/disable", null, true).statusCode())
                .isEqualTo(200);

        assertThat(agent.get("/api/v1/session").statusCode()).isEqualTo(401);
        assertThat(admin.get("/api/v1/session").statusCode()).isEqualTo(200);
    }

    @Test
    void theConfigurationShouldBeReadRedactedAndAudited() {
        var response = admin.get("/api/v1/configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        var body = ApiClient.body(response);
        assertThat(body.get("store").get("s3").get("secret-key").asText()).isEqualTo("***");
        assertThat(body.get("web").get("port").asInt()).isEqualTo(8080);
        assertThat(fakes.entries("configuration.read")).isNotEmpty();
    }
}
