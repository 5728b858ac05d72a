package org.callgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Capability;
import org.callgate.core.access.ConfigurationView;
import org.callgate.core.access.UserAdmin;
import org.callgate.core.access.UserAdminException;
import org.callgate.core.access.UserView;

/**
 * The admins' routes: users ({@code GET/POST /api/v1/users}, {@code POST
 * /api/v1/users/{name}/disable|enable}, capability {@code users}) and the running configuration,
 * redacted ({@code GET /api/v1/configuration}, capability {@code configuration_read}). Every change
 * and every configuration read is in the audit trail (R11); a password never leaves in an answer
 * or a log. Disabling a user here also ends their open sessions.
 */
final class AdminRoutes implements ApiRoutes {

    static final String USER_ADD = "user.add";
    static final String USER_DISABLE = "user.disable";
    static final String USER_ENABLE = "user.enable";
    static final String CONFIGURATION_READ = "configuration.read";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final UserAdmin users;
    private final ConfigurationView configuration;
    private final AuditTrail audit;
    private final AccessControl access;
    private final Consumer<String> endSessions;

    /** @param endSessions ends every open session of a user, once disabled */
    AdminRoutes(
            UserAdmin users,
            ConfigurationView configuration,
            AuditTrail audit,
            AccessControl access,
            Consumer<String> endSessions) {
        this.endSessions = Objects.requireNonNull(endSessions, "endSessions");
        this.users = Objects.requireNonNull(users, "users");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public void addTo(ServerBuilder server, String prefix) {
        server.route().get(prefix + "/users").build(access.requires(Capability.USERS, Blocking.service(this::list)));
        server.route().post(prefix + "/users").build(access.requires(Capability.USERS, Blocking.service(this::add)));
        server.route()
                .post(prefix + "/users/{name}/disable")
                .build(access.requires(Capability.USERS, Blocking.service((ctx, req) -> toggle(ctx, false))));
        server.route()
                .post(prefix + "/users/{name}/enable")
                .build(access.requires(Capability.USERS, Blocking.service((ctx, req) -> toggle(ctx, true))));
        server.route()
                .get(prefix + "/configuration")
                .build(access.requires(Capability.CONFIGURATION_READ, Blocking.service(this::configuration)));
    }

    private AggregatedHttpResponse list(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        return Json.response(
                200,
                Map.of("users", users.list().stream().map(AdminRoutes::user).toList()));
    }

    private AggregatedHttpResponse add(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        JsonNode body = JsonBodies.object(req);
        String name = JsonBodies.text(body, "name", 64);
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.unprocessable(
                    "name must be 1 to 64 of a-z, 0-9, '.', '_', '-'", Map.of("field", "name"));
        }
        List<String> roles = JsonBodies.texts(body, "roles", 20);
        if (roles.isEmpty()) {
            throw ApiException.unprocessable("a user needs at least one role", Map.of("field", "roles"));
        }
        List<String> services = JsonBodies.texts(body, "services", 40);
        String password = JsonBodies.text(body, "password", 256);
        if (password == null) {
            throw ApiException.unprocessable("password is required", Map.of("field", "password"));
        }
        char[] secret = password.toCharArray();
        UserView added;
        try {
            added = users.add(name, new LinkedHashSet<>(roles), new LinkedHashSet<>(services), secret);
        } catch (UserAdminException e) {
            throw e.reason() == UserAdminException.Reason.EXISTS
                    ? ApiException.conflict(e.getMessage())
                    : ApiException.unprocessable(e.getMessage(), Map.of());
        } finally {
            Arrays.fill(secret, '\0');
        }
        audit.record(
                USER_ADD,
                actor(ctx),
                Map.of(
                        "user",
                        added.name(),
                        "roles",
                        String.join(",", added.roles().stream().sorted().toList())));
        return Json.response(201, user(added));
    }

    private AggregatedHttpResponse toggle(ServiceRequestContext ctx, boolean enable) throws IOException {
        String name = Optional.ofNullable(ctx.pathParam("name")).orElse("");
        if (!NAME.matcher(name).matches()) {
            throw ApiException.notFound("no such user");
        }
        Optional<UserView> changed = enable ? users.enable(name) : users.disable(name);
        UserView user = changed.orElseThrow(() -> ApiException.notFound("no such user"));
        if (!enable) {
            endSessions.accept(user.name());
        }
        audit.record(enable ? USER_ENABLE : USER_DISABLE, actor(ctx), Map.of("user", user.name()));
        return Json.response(200, user(user));
    }

    private AggregatedHttpResponse configuration(ServiceRequestContext ctx, AggregatedHttpRequest req)
            throws IOException {
        Map<String, Object> redacted = configuration.redacted();
        audit.record(CONFIGURATION_READ, actor(ctx), Map.of());
        return Json.response(200, redacted);
    }

    private String actor(ServiceRequestContext ctx) {
        return access.session(ctx).account().name();
    }

    private static Map<String, Object> user(UserView user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", user.name());
        body.put("roles", user.roles().stream().sorted().toList());
        body.put("services", user.services().stream().sorted().toList());
        body.put("disabled", user.disabled());
        body.put("created", user.created().toString());
        body.put("changed", user.changed().toString());
        return body;
    }
}
