package org.callgate.web;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error the server answers, as the one {@link ApiError} JSON shape: what handlers throw
 * ({@link ApiException}), what Armeria itself answers (no route: 404, wrong method: 405, too many
 * requests: 429, a protocol violation: 400) and anything unexpected (500). Armeria's own HTML
 * pages and stack traces never reach a client.
 *
 * <p>An unexpected exception is logged here with a random reference id; the client gets the
 * generic message and the id, so that an operator can find the log line the user quotes.
 */
final class JsonErrors implements ServerErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JsonErrors.class);
    static final String INTERNAL_MESSAGE = "internal error; quote the reference to the operator";

    @Override
    public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
        return forException(ctx, cause).toHttpResponse();
    }

    @Override
    public @Nullable AggregatedHttpResponse onProtocolViolation(
            ServiceConfig config,
            @Nullable RequestHeaders headers,
            HttpStatus status,
            @Nullable String description,
            @Nullable Throwable cause) {
        return forStatus(status.code(), headers, Map.of());
    }

    @Override
    public @Nullable AggregatedHttpResponse renderStatus(
            @Nullable ServiceRequestContext ctx,
            ServiceConfig config,
            @Nullable RequestHeaders headers,
            HttpStatus status,
            @Nullable String description,
            @Nullable Throwable cause) {
        if (status.code() < 400) {
            return null; // Armeria's own rendering of a non-error status (no body) is fine
        }
        if (status.code() >= 500 && cause != null) {
            return internal(headers, cause);
        }
        return forStatus(status.code(), headers, Map.of());
    }

    static AggregatedHttpResponse forException(ServiceRequestContext ctx, Throwable cause) {
        return switch (cause) {
            case ApiException api -> Json.response(api.error().status(), api.error());
            case HttpStatusException status
            when status.httpStatus().code() < 500 ->
                forStatus(status.httpStatus().code(), ctx.request().headers(), Map.of());
            default -> internal(ctx.request().headers(), cause);
        };
    }

    private static AggregatedHttpResponse internal(@Nullable RequestHeaders headers, Throwable cause) {
        String reference = UUID.randomUUID().toString();
        LOG.error("{} failed; reference {}", describe(headers), reference, cause);
        return Json.response(
                500, new ApiError(500, ApiError.typeOf(500), INTERNAL_MESSAGE, Map.of("reference", reference)));
    }

    static AggregatedHttpResponse forStatus(int status, @Nullable RequestHeaders headers, Map<String, Object> extra) {
        Map<String, Object> details = new LinkedHashMap<>(extra);
        if (headers != null) {
            details.put("method", headers.method().name());
            details.put("path", headers.path());
        }
        return Json.response(status, new ApiError(status, ApiError.typeOf(status), messageOf(status), details));
    }

    private static String messageOf(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "authentication required";
            case 403 -> "not allowed";
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 409 -> "conflicts with the current state";
            case 413 -> "request too large";
            case 415 -> "unsupported media type";
            case 422 -> "invalid values";
            case 429 -> "too many requests; retry later";
            case 503 -> "unavailable";
            default -> status >= 500 ? INTERNAL_MESSAGE : "request refused";
        };
    }

    private static String describe(@Nullable RequestHeaders headers) {
        return headers == null ? "a request" : headers.method() + " " + headers.path();
    }
}
