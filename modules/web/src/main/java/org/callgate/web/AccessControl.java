package org.callgate.web;

import com.linecorp.armeria.common.Cookie;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.Objects;
import java.util.Optional;
import org.callgate.core.access.Capability;

/**
 * Authentication, CSRF and authorization of the API. The decorator ({@link #decorator()}) lets
 * through only the login ({@code POST /session}) and the OpenAPI document without a session; any
 * other request needs a live session cookie (else 401), and every request but GET and HEAD needs
 * its CSRF token in {@value #CSRF_HEADER} (else 403). Each route then names the capability it
 * needs with {@link #requires(Capability, HttpService)} (else 403).
 */
final class AccessControl {

    static final String COOKIE = "callgate_session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Sessions sessions;

    AccessControl(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    DecoratingHttpServiceFunction decorator() {
        return (delegate, ctx, req) -> {
            if (open(req)) {
                return delegate.serve(ctx, req);
            }
            Session session = sessionCookie(req)
                    .flatMap(sessions::touch)
                    .orElseThrow(() -> new ApiException(401, "log in first"));
            HttpMethod method = req.method();
            if (method != HttpMethod.GET
                    && method != HttpMethod.HEAD
                    && !Sessions.csrfMatches(session, req.headers().get(CSRF_HEADER))) {
                throw new ApiException(403, "missing or wrong " + CSRF_HEADER + " header");
            }
            return delegate.serve(ctx, req);
        };
    }

    /** The service, answering 403 unless the session's account has {@code capability}. */
    HttpService requires(Capability capability, HttpService service) {
        Objects.requireNonNull(capability, "capability");
        return (ctx, req) -> {
            if (!session(ctx).account().may(capability)) {
                throw new ApiException(
                        403,
                        "your roles do not allow this",
                        java.util.Map.of("capability", capability.name().toLowerCase(java.util.Locale.ROOT)));
            }
            return service.serve(ctx, req);
        };
    }

    /** The live session of the request; only for routes behind the decorator. */
    Session session(ServiceRequestContext ctx) {
        return sessionCookie(ctx.request())
                .flatMap(sessions::find)
                .orElseThrow(() -> new ApiException(401, "log in first"));
    }

    static Optional<String> sessionCookie(HttpRequest req) {
        return req.headers().cookies().stream()
                .filter(cookie -> cookie.name().equals(COOKIE))
                .map(Cookie::value)
                .findFirst();
    }

    private static boolean open(HttpRequest req) {
        String path = req.path();
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        return (req.method() == HttpMethod.POST && bare.equals(SessionRoutes.PATH))
                || (req.method() == HttpMethod.GET && bare.equals(WebServer.OPENAPI_PATH));
    }
}
