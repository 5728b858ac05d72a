package org.callgate.sms;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 and a free port, standing in for an SMS gateway: it records
 * every request and answers from a script, then with {@code otherwise}.
 */
final class TestGateway implements AutoCloseable {

    /** What the gateway does with one request. */
    sealed interface Answer {
        /** Answers with {@code status} and {@code body}. */
        record Status(int status, String body) implements Answer {}

        /** Reads the request and never answers, until the gateway is closed. */
        record Never() implements Answer {}
    }

    /** One request as it arrived. */
    record Received(String method, String path, Headers headers, String body) {}

    static Answer status(int status) {
        return new Answer.Status(status, "");
    }

    static Answer status(int status, String body) {
        return new Answer.Status(status, body);
    }

    static Answer never() {
        return new Answer.Never();
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Answer otherwise = status(200);

    private TestGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static TestGateway start() throws IOException {
        return new TestGateway();
    }

    /** Answers the next requests with {@code answers}, in order. */
    TestGateway script(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Answers every request after the script with {@code answer}. */
    TestGateway otherwise(Answer answer) {
        otherwise = answer;
        return this;
    }

    /** The webhook URL, with an API key in the query as some gateways want it. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/send?api-key=s3cr3t");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
        Answer answer = script.poll();
        switch (answer == null ? otherwise : answer) {
            case Answer.Status(int status, String text) -> respond(exchange, status, text);
            case Answer.Never() -> {
                try {
                    closing.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.close();
    }
}
