package org.callgate.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server-sent-events client for tests: opens a stream with a session and collects its lines on a
 * thread of its own until closed.
 */
final class EventStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final int status;
    final String contentType;
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("content-type").orElse("");
        this.body = response.body();
        this.reader = Thread.ofVirtual().name("event-stream").start(this::read);
    }

    /** Opens {@code path} with the client's session cookie; returns once the headers are in. */
    static EventStream open(WebServer server, ApiClient client, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
        if (client.session != null) {
            request.header("Cookie", AccessControl.COOKIE + "=" + client.session);
        }
        try {
            return new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens the stream only for its status: the body of an error, an empty body for a stream, which
     * is closed at once.
     */
    static HttpResponse<String> statusOf(WebServer server, ApiClient client, String path) {
        try (EventStream stream = open(server, client, path)) {
            if (stream.status != 200) {
                stream.reader.join(java.time.Duration.ofSeconds(10));
            }
            String body = String.join("\n", stream.lines);
            return new StatusOnly(stream.status, stream.status == 200 ? "" : body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status and body of a response, for the role matrix. */
    private record StatusOnly(int statusCode, String body) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    /** The data lines of events named {@code name}, without the {@code data:} field name. */
    List<String> data(String name) {
        List<String> snapshot = List.copyOf(lines);
        List<String> found = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < snapshot.size(); i++) {
            if (snapshot.get(i).replace(": ", ":").equals("event:" + name)
                    && snapshot.get(i + 1).startsWith("data:")) {
                found.add(snapshot.get(i + 1).substring("data:".length()).strip());
            }
        }
        return found;
    }

    /** Whether the server ended the stream. */
    boolean ended() {
        return !reader.isAlive();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // the test closed the stream, or the server cut it
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException cancelled) {
            // closing an endless stream cancels it: expected
        }
    }
}
