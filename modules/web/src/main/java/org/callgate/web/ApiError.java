package org.callgate.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one JSON error shape of the web server, for every status from 400 up:
 * {@code {"status":404,"type":"NotFound","message":"...","details":{...}}}, after the error
 * responder of Apache James' web admin. Clients branch on {@code status} and {@code type}; the
 * message is for people; {@code details} holds structured facts (the route, the allowed methods,
 * a 500's reference id).
 *
 * @param status the HTTP status code
 * @param type a stable word for the kind of error, see {@link #typeOf(int)}
 * @param message a short sentence for people, never a stack trace
 * @param details structured facts, possibly empty
 */
public record ApiError(int status, String type, String message, Map<String, Object> details) {

    public ApiError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The type for a status: one word per status, so that clients need not parse messages. */
    public static String typeOf(int status) {
        return switch (status) {
            case 400 -> "InvalidArgument";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 409 -> "Conflict";
            case 413 -> "TooLarge";
            case 415 -> "UnsupportedMediaType";
            case 416 -> "RangeNotSatisfiable";
            case 422 -> "Unprocessable";
            case 429 -> "TooManyRequests";
            case 503 -> "Unavailable";
            default -> status >= 500 ? "ServerError" : "ClientError";
        };
    }
}
