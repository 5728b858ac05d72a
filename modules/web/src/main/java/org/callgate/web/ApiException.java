package org.callgate.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an API handler throws to answer with an error: the status, a stable type, a message for
 * the client and details. {@link JsonErrors} turns it into the one JSON error shape; anything else
 * a handler throws becomes a 500 whose message says nothing of the cause.
 *
 * <p>The message and details reach the client: no stack trace, no personal data, no secrets.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ApiError error;

    public ApiException(int status, String message, Map<String, ?> details) {
        super(message, null, false, false);
        this.error = new ApiError(status, ApiError.typeOf(status), message, new LinkedHashMap<>(details));
    }

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    /** 400: the request is malformed (a bad parameter, an unreadable body). */
    public static ApiException badRequest(String message, Map<String, ?> details) {
        return new ApiException(400, message, details);
    }

    /** 404: the thing asked for does not exist. */
    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** 409: the request conflicts with the current state (a hold already placed). */
    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    /** 422: well-formed, but its values break a rule. */
    public static ApiException unprocessable(String message, Map<String, ?> details) {
        return new ApiException(422, message, details);
    }

    /** The body the client gets. */
    public ApiError error() {
        return Objects.requireNonNull(error);
    }
}
