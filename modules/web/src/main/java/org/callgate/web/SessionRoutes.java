package org.callgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.Cookie;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.callgate.core.access.Account;
import org.callgate.core.access.Accounts;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Authentication;

/**
 * {@code /api/v1/session}: log in ({@code POST}, name and password), who am I ({@code GET}), log out
 * ({@code DELETE}). Every login, refused or not, and every logout goes to the audit trail with the
 * remote address.
 */
final class SessionRoutes implements ApiRoutes {

    static final String PATH = WebServer.API_PREFIX + "/session";
    private static final int MAX_FIELD = 256;

    private final Accounts accounts;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final AccessControl access;

    SessionRoutes(Accounts accounts, Sessions sessions, AuditTrail audit, AccessControl access) {
        this.access = Objects.requireNonNull(access, "access");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public void addTo(ServerBuilder server, String prefix) {
        server.route().post(prefix + "/session").build(Blocking.service(this::login));
        server.route().get(prefix + "/session").build(Blocking.inline(this::whoAmI));
        server.route().delete(prefix + "/session").build(Blocking.service(this::logout));
    }

    private AggregatedHttpResponse login(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(req.contentUtf8());
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not JSON", Map.of());
        }
        String name = text(body, "name");
        String password = text(body, "password");
        String address = remoteAddress(ctx);
        char[] secret = password.toCharArray();
        Authentication result;
        try {
            result = accounts.authenticate(name, secret, address);
        } finally {
            Arrays.fill(secret, '\0');
        }
        return switch (result) {
            case Authentication.Granted granted -> {
                Session session = sessions.open(granted.account());
                audit.record(AuditTrail.LOGIN, session.account().name(), Map.of("address", address));
                Cookie cookie = cookie(session.id(), ctx.sessionProtocol().isTls(), -1);
                ResponseHeaders headers = ResponseHeaders.builder(HttpStatus.OK)
                        .contentType(MediaType.JSON_UTF_8)
                        .add(HttpHeaderNames.SET_COOKIE, cookie.toSetCookieHeader())
                        .add(HttpHeaderNames.CACHE_CONTROL, "no-store")
                        .build();
                yield AggregatedHttpResponse.of(
                        headers, com.linecorp.armeria.common.HttpData.wrap(Json.bytes(describe(session))));
            }
            case Authentication.Refused refused -> {
                audit.record(AuditTrail.LOGIN_FAILED, name, Map.of("address", address, "reason", "refused"));
                throw new ApiException(401, "wrong name or password");
            }
            case Authentication.Throttled throttled -> {
                audit.record(AuditTrail.LOGIN_FAILED, name, Map.of("address", address, "reason", "throttled"));
                long seconds = Math.max(1, throttled.retryAfter().toSeconds() + 1);
                AggregatedHttpResponse refusal = Json.response(
                        429,
                        new ApiError(
                                429,
                                ApiError.typeOf(429),
                                "too many failed logins; retry later",
                                Map.of("retryAfterSeconds", seconds)));
                yield AggregatedHttpResponse.of(
                        refusal.headers().toBuilder()
                                .setLong(HttpHeaderNames.RETRY_AFTER, seconds)
                                .build(),
                        refusal.content());
            }
        };
    }

    private AggregatedHttpResponse whoAmI(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        return Json.response(200, describe(access.session(ctx)));
    }

    private AggregatedHttpResponse logout(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        Session session = access.session(ctx);
        sessions.close(session.id());
        audit.record(AuditTrail.LOGOUT, session.account().name(), Map.of("address", remoteAddress(ctx)));
        ResponseHeaders headers = ResponseHeaders.builder(HttpStatus.NO_CONTENT)
                .add(
                        HttpHeaderNames.SET_COOKIE,
                        cookie("", ctx.sessionProtocol().isTls(), 0).toSetCookieHeader())
                .build();
        return AggregatedHttpResponse.of(headers);
    }

    /** The account and the CSRF token: what the UI needs after a login or a reload. */
    private static Map<String, Object> describe(Session session) {
        Account account = session.account();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", account.name());
        body.put("roles", account.roles().stream().sorted().toList());
        body.put(
                "capabilities",
                account.capabilities().stream()
                        .map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                        .sorted()
                        .toList());
        body.put("services", account.services().stream().sorted().toList());
        body.put("csrfToken", session.csrfToken());
        body.put("idleTimeoutSeconds", Sessions.IDLE_TIMEOUT.toSeconds());
        return body;
    }

    private static Cookie cookie(String value, boolean tls, long maxAge) {
        var builder = Cookie.secureBuilder(AccessControl.COOKIE, value)
                .secure(tls)
                .httpOnly(true)
                .sameSite("Strict")
                .path("/");
        if (maxAge >= 0) {
            builder.maxAge(maxAge);
        }
        return builder.build();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null
                || !value.isTextual()
                || value.asText().isEmpty()
                || value.asText().length() > MAX_FIELD) {
            throw ApiException.badRequest("name and password are required", Map.of("field", field));
        }
        return value.asText();
    }

    static String remoteAddress(ServiceRequestContext ctx) {
        return ((InetSocketAddress) ctx.remoteAddress()).getAddress().getHostAddress();
    }
}
