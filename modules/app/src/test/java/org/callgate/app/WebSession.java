package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A user logged in to a running gateway's web API, as the app's API tests use it: the session
 * cookie and CSRF token of a real login, requests under {@code /api/v1}, and the audit log's
 * entries as written on disk.
 */
final class WebSession {

    static final ObjectMapper JSON = new ObjectMapper();

    /** HTTP/1.1, as in the web module's tests: the JDK's cleartext HTTP/2 resets early answers. */
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String api;
    private final String cookie;
    private final String csrf;

    private WebSession(String api, String cookie, String csrf) {
        this.api = api;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** Logs in at the server {@code url} ({@code http://127.0.0.1:port}); fails the test unless 200. */
    static WebSession login(String url, String name, String password) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                JSON.writeValueAsBytes(Map.of("name", name, "password", password))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new WebSession(
                url + "/api/v1",
                response.headers().firstValue("set-cookie").orElseThrow().split(";")[0],
                JSON.readTree(response.body()).get("csrfToken").asText());
    }

    /** A request to {@code /api/v1} + {@code path}, with the session and, for writes, the CSRF token. */
    HttpResponse<String> send(String method, String path, Object body) throws Exception {
        return HTTP.send(request(method, path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    /** The JSON answer of a GET that must succeed. */
    JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode())
                .as("GET %s: %s", path, response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A GET of bytes, with a {@code Range} header when {@code range} is not null. */
    HttpResponse<byte[]> bytes(String path, String range) throws Exception {
        HttpRequest.Builder request = request("GET", path, null);
        if (range != null) {
            request.header("Range", range);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET whose body is read as it comes (server-sent events). */
    HttpResponse<InputStream> stream(String path) throws Exception {
        return HTTP.send(request("GET", path, null).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest.Builder request(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Cookie", cookie)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (!"GET".equals(method)) {
            request.header("X-CSRF-Token", csrf);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request;
    }

    /** Every entry of the audit log in {@code auditDir}, oldest first, as the segments hold them. */
    static List<JsonNode> auditEntries(Path auditDir) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(auditDir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    entries.add(JSON.readTree(line));
                }
            }
        }
        return entries;
    }

    /** The entries of one action. */
    static List<JsonNode> auditEntries(Path auditDir, String action) throws Exception {
        return auditEntries(auditDir).stream()
                .filter(entry -> entry.get("action").asText().equals(action))
                .toList();
    }
}
