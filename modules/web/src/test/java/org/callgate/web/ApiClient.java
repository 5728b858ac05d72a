package org.callgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A JDK HTTP client that logs in and then sends the session cookie and CSRF token, for tests. */
final class ApiClient {

    /**
     * HTTP/1.1: over cleartext HTTP/2 the JDK client fails a request whose body the server did not
     * read before refusing it (a 403 answered early, then RST_STREAM), where browsers read the
     * answer; the routes under test answer the same over either version.
     */
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    String session;
    String csrf;

    ApiClient(WebServer server) {
        this.base = server.url();
    }

    /** Logs in; on success keeps the cookie and the token. */
    HttpResponse<String> login(String name, String password) {
        HttpResponse<String> response =
                send("POST", "/api/v1/session", Json.bytes(Map.of("name", name, "password", password)), false);
        if (response.statusCode() == 200) {
            String cookie = response.headers().firstValue("set-cookie").orElseThrow();
            session = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
            csrf = body(response).get("csrfToken").asText();
        }
        return response;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, true);
    }

    /** A GET whose body is bytes, with extra headers as name, value pairs. */
    HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (session != null) {
            request.header("Cookie", AccessControl.COOKIE + "=" + session);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** With the CSRF token when {@code withCsrf}. */
    HttpResponse<String> send(String method, String path, byte[] body, boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (session != null) {
            request.header("Cookie", AccessControl.COOKIE + "=" + session);
        }
        if (withCsrf && csrf != null) {
            request.header(AccessControl.CSRF_HEADER, csrf);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
