package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every API route × every role, and no session: 200 (or the route's success status) for the roles
 * docs/security.md's matrix allows, 403 for the others, 401 without a session.
 */
class RoleMatrixTest {

    private static final Set<String> EVERYONE = Set.copyOf(AccessFakes.ROLES);
    private static final Set<String> AGENT = Set.of("agent");
    private static final Set<String> SUPERVISOR = Set.of("supervisor");
    private static final Set<String> COMPLIANCE = Set.of("compliance");
    private static final Set<String> ADMIN = Set.of("admin");

    /**
     * The matrix as docs/security.md names the routes: method, path, success status, roles allowed.
     * DELETE /session comes last in each walk because it ends the session.
     */
    record Route(String method, String path, int success, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/v1/session", 200, EVERYONE),
            new Route("GET", "/api/v1/dossiers?q=Dubois", 200, AGENT),
            new Route("GET", "/api/v1/dossiers/" + AccessFakes.DOSSIER, 200, AGENT),
            new Route("GET", "/api/v1/recordings", 200, Set.of("supervisor", "compliance")),
            new Route("GET", "/api/v1/recordings/" + AccessFakes.SAMPLED + "/audio?reason=spot", 200, SUPERVISOR),
            new Route("GET", "/api/v1/recordings/" + AccessFakes.BANKING + "/audio?reason=C-17", 200, COMPLIANCE),
            new Route("POST", "/api/v1/callbacks", 202, AGENT),
            new Route("GET", "/api/v1/holds?released=true", 200, COMPLIANCE),
            new Route("POST", "/api/v1/holds", 201, COMPLIANCE),
            new Route("POST", "/api/v1/holds/" + ComplianceFakes.ACTIVE + "/release", 200, COMPLIANCE),
            new Route("GET", "/api/v1/requests?all=true", 200, COMPLIANCE),
            new Route("POST", "/api/v1/requests", 201, Set.of("agent", "compliance")),
            new Route("POST", "/api/v1/requests/" + RequestFakes.TO_VERIFY + "/verify", 200, COMPLIANCE),
            new Route("POST", "/api/v1/requests/" + RequestFakes.TO_EXTEND + "/extend", 200, COMPLIANCE),
            new Route("POST", "/api/v1/requests/" + RequestFakes.TO_ANSWER + "/carry-out", 200, COMPLIANCE),
            new Route("GET", "/api/v1/requests/" + RequestFakes.TO_EXPORT + "/export", 200, COMPLIANCE),
            new Route("POST", "/api/v1/requests/" + RequestFakes.TO_RECTIFY + "/rectify", 200, COMPLIANCE),
            new Route("POST", "/api/v1/requests/" + RequestFakes.TO_ANSWER + "/answer", 200, COMPLIANCE),
            new Route("POST", "/api/v1/requests/" + RequestFakes.TO_REFUSE + "/refuse", 200, COMPLIANCE),
            new Route("GET", "/api/v1/audit?limit=10", 200, COMPLIANCE),
            new Route("GET", "/api/v1/reports/completeness?from=2026-03-01&to=2026-03-02", 200, COMPLIANCE),
            new Route("GET", "/api/v1/reports/purges", 200, COMPLIANCE),
            new Route("GET", "/api/v1/reports/dashboard?days=7", 200, COMPLIANCE),
            new Route("GET", "/api/v1/calls/live", 200, AGENT),
            new Route("POST", "/api/v1/dossiers", 201, AGENT),
            new Route("PUT", "/api/v1/dossiers/" + AccessFakes.DOSSIER, 200, AGENT),
            new Route("POST", "/api/v1/dossiers/" + AccessFakes.DOSSIER + "/checks", 201, AGENT),
            new Route("GET", "/api/v1/users", 200, ADMIN),
            new Route("POST", "/api/v1/users", 201, ADMIN),
            new Route("POST", "/api/v1/users/" + AgentFakes.USER + "/disable", 200, ADMIN),
            new Route("POST", "/api/v1/users/" + AgentFakes.USER + "/enable", 200, ADMIN),
            new Route("GET", "/api/v1/configuration", 200, ADMIN),
            new Route("DELETE", "/api/v1/session", 204, EVERYONE));

    /** The bodies of the routes that need one, by {@code Route.toString()}. */
    static final Map<String, byte[]> BODIES = Map.ofEntries(
            Map.entry(
                    "POST /api/v1/holds",
                    Json.bytes(
                            Map.of("scope", "caller", "value", "0470 12 34 99", "caseId", "C-9", "reason", "matrix"))),
            Map.entry(
                    "POST /api/v1/callbacks",
                    Json.bytes(Map.of("phone", "sip:anna@127.0.0.1", "number", "0470123456", "service", "private"))),
            Map.entry(
                    "POST /api/v1/dossiers",
                    Json.bytes(Map.of(
                            "service",
                            "parcels",
                            "name",
                            "Matrix",
                            "firstName",
                            "Test",
                            "phones",
                            List.of("0470 99 88 77")))),
            Map.entry(
                    "PUT /api/v1/dossiers/" + AccessFakes.DOSSIER,
                    Json.bytes(Map.of(
                            "version", 1, "name", "Dubois", "firstName", "Marie", "phones", List.of("+32470123456")))),
            Map.entry(
                    "POST /api/v1/dossiers/" + AccessFakes.DOSSIER + "/checks",
                    Json.bytes(Map.of("kind", "mandate", "result", "ok"))),
            Map.entry(
                    "POST /api/v1/users",
                    Json.bytes(Map.of(
                            "name",
                            "matrix",
                            "roles",
                            List.of("agent"),
                            "services",
                            List.of(),
                            "password",
                            "long enough secret"))),
            Map.entry(
                    "POST /api/v1/requests",
                    Json.bytes(Map.of("type", "objection", "phones", List.of("0470 12 34 99"), "via", "call"))),
            Map.entry(
                    "POST /api/v1/requests/" + RequestFakes.TO_VERIFY + "/verify",
                    Json.bytes(Map.of("method", "ID card"))),
            Map.entry(
                    "POST /api/v1/requests/" + RequestFakes.TO_EXTEND + "/extend",
                    Json.bytes(Map.of("until", "2026-05-15", "reason", "many recordings"))),
            Map.entry(
                    "POST /api/v1/requests/" + RequestFakes.TO_ANSWER + "/answer",
                    Json.bytes(Map.of("text", "erased what no law keeps"))),
            Map.entry(
                    "POST /api/v1/requests/" + RequestFakes.TO_RECTIFY + "/rectify",
                    Json.bytes(Map.of("dossier", AccessFakes.DOSSIER, "phones", List.of("0475 12 34 56")))),
            Map.entry(
                    "POST /api/v1/requests/" + RequestFakes.TO_REFUSE + "/refuse",
                    Json.bytes(Map.of("reason", "identity not proven"))));

    private static AccessFakes fakes;
    private static WebServer server;

    @BeforeAll
    static void start() {
        fakes = new AccessFakes();
        server = fakes.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> rolesAndNoSession() {
        List<Arguments> cases = new ArrayList<>();
        AccessFakes.ROLES.forEach(role -> cases.add(Arguments.of(role)));
        cases.add(Arguments.of("(no session)"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rolesAndNoSession")
    void everyRouteShouldAnswerAsTheMatrixSays(String role) {
        ApiClient client = new ApiClient(server);
        boolean loggedIn = AccessFakes.ROLES.contains(role);
        if (loggedIn) {
            assertThat(client.login(role, AccessFakes.PASSWORD).statusCode()).isEqualTo(200);
        }
        for (Route route : ROUTES) {
            int expected = !loggedIn ? 401 : route.allowed().contains(role) ? route.success() : 403;

            var response = route.path().equals("/api/v1/calls/live")
                    ? EventStream.statusOf(server, client, route.path())
                    : client.send(route.method(), route.path(), BODIES.get(route.toString()), true);

            assertThat(response.statusCode())
                    .as("%s as %s: %s", route, role, response.body())
                    .isEqualTo(expected);
            if (expected >= 400) {
                assertThat(ApiClient.body(response).get("status").asInt()).isEqualTo(expected);
            }
        }
    }

    /** The table above covers every API route the server serves, except the open ones. */
    @Test
    void theMatrixShouldNameEveryApiRoute() {
        Set<String> open = Set.of(WebServer.OPENAPI_PATH);
        List<String> walked = ROUTES.stream()
                .map(route -> route.path()
                        .replaceFirst("\\?.*", "")
                        .replace(AccessFakes.DOSSIER, "{number}")
                        .replace("/users/" + AgentFakes.USER + "/", "/users/{name}/")
                        .replace(AccessFakes.SAMPLED, "{callId}")
                        .replace(AccessFakes.BANKING, "{callId}")
                        .replace(ComplianceFakes.ACTIVE, "{id}")
                        .replaceAll("/requests/R[0-9T]+-bbbb000[0-9]/", "/requests/{id}/"))
                .distinct()
                .toList();
        List<String> served = server.exactPaths().stream()
                .filter(path -> path.startsWith(WebServer.API_PREFIX) && !open.contains(path))
                .toList();

        assertThat(walked).containsExactlyInAnyOrderElementsOf(served);
    }
}
