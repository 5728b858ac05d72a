package org.callgate.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.callgate.core.Backoff;
import org.callgate.core.sms.SmsException;
import org.callgate.core.sms.SmsMessage;
import org.callgate.core.sms.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands SMS links (R9) to an SMS gateway's HTTP webhook: one JSON {@code POST} per message,
 * with the same fields as an {@link OutboxSmsSender} line.
 *
 * <p>The message id goes in an {@code Idempotency-Key} header, so a gateway can drop the copy
 * that a retry sends after a lost answer. A {@code 2xx} answer means the gateway has the message.
 * A {@code 4xx} answer other than {@code 408} and {@code 429} means the request itself is wrong,
 * so it is not retried and {@link #send} fails at once with the status and an excerpt of the
 * answer. {@code 5xx}, {@code 408}, {@code 429}, no answer within the timeout and I/O errors are
 * retried up to {@code retries} more times, waiting {@code backoff}, then twice as long before
 * each next try. {@code Retry-After} is not followed: the back-off is the operator's choice.
 *
 * <p>{@link #send} blocks for the whole exchange, waits included; callgate calls it on a virtual
 * thread. Thread-safe: one {@link HttpClient} serves every call.
 *
 * <p>Need to know (R11): logs and exception messages carry the message id, the call id, the
 * status and the webhook address without its query and user info (they may hold an API key),
 * never the phone number or the text; an answer excerpt has both blanked out should the gateway
 * echo them.
 */
public final class WebhookSmsSender implements SmsSender, AutoCloseable {

    /** Waits between tries; tests pass one that only records the wait. */
    @FunctionalInterface
    public interface Sleeper {

        /** {@link Thread#sleep(Duration)}: cheap on the virtual thread that sends. */
        Sleeper THREAD = Thread::sleep;

        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSmsSender.class);
    private static final int MAX_EXCERPT = 200;

    private final URI url;
    private final String endpoint;
    private final Duration timeout;
    private final int retries;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final HttpClient client;

    /**
     * A sender posting to {@code url}, waiting with {@link Thread#sleep(Duration)}.
     *
     * @param url {@code http} or {@code https} URL with a host
     * @param timeout longest wait for one complete answer, connecting included
     * @param retries tries after the first one, 0 or more
     * @param backoff wait before the first retry; it doubles for each next one
     */
    public WebhookSmsSender(URI url, Duration timeout, int retries, Duration backoff) {
        this(url, timeout, retries, backoff, Sleeper.THREAD);
    }

    /** As {@link #WebhookSmsSender(URI, Duration, int, Duration)}, waiting with {@code sleeper}. */
    public WebhookSmsSender(URI url, Duration timeout, int retries, Duration backoff, Sleeper sleeper) {
        this.url = Objects.requireNonNull(url, "url");
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("not an http or https URL with a host: " + endpoint(url));
        }
        this.endpoint = endpoint(url);
        this.timeout = positive(timeout, "timeout");
        this.backoff = Backoff.doubling(positive(backoff, "backoff"));
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more: " + retries);
        }
        this.retries = retries;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        // HTTP/1.1: every gateway speaks it, and no h2c upgrade is attempted on plain http.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * Posts {@code message}, retrying as the class describes.
     *
     * @throws SmsException with the status and an answer excerpt when the gateway refuses the
     *     message, or the last failure when every try failed; also when interrupted
     */
    @Override
    public void send(SmsMessage message) throws SmsException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(SmsJson.toJson(message)))
                .build();
        int tries = retries + 1;
        for (int attempt = 1; ; attempt++) {
            Failure failure = tryOnce(request, message);
            if (failure == null) {
                LOG.debug(
                        "SMS {} of call {} accepted by {} on try {}",
                        message.id(),
                        message.callId(),
                        endpoint,
                        attempt);
                return;
            }
            LOG.warn(
                    "SMS {} of call {}: try {} of {} to {} failed: {}",
                    message.id(),
                    message.callId(),
                    attempt,
                    tries,
                    endpoint,
                    failure.summary());
            if (!failure.retryable()) {
                throw new SmsException(
                        "SMS " + message.id() + " refused by " + endpoint + ": " + failure.summary()
                                + failure.excerpt(),
                        failure.cause());
            }
            if (attempt == tries) {
                throw new SmsException(
                        "SMS " + message.id() + " not delivered to " + endpoint + " after " + tries
                                + (tries == 1 ? " try" : " tries") + "; last: " + failure.summary() + failure.excerpt(),
                        failure.cause());
            }
            pause(backoff.after(attempt), message);
        }
    }

    /** Stops the HTTP client once sends in progress are done. */
    @Override
    public void close() {
        client.close();
    }

    /** One try; {@code null} when the gateway took the message. */
    private Failure tryOnce(HttpRequest request, SmsMessage message) throws SmsException {
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, Excerpt.handler());
        try {
            // Bounds the whole exchange, a body that stalls included, whatever the request timeout covers.
            HttpResponse<String> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return null;
            }
            boolean retryable = status >= 500 || status == 408 || status == 429;
            return new Failure("HTTP " + status, retryable, Excerpt.scrub(response.body(), message, MAX_EXCERPT), null);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Failure("no answer within " + timeout.toMillis() + " ms", true, "", null);
        } catch (ExecutionException e) {
            return switch (e.getCause()) {
                case HttpConnectTimeoutException slow ->
                    new Failure("no connection within " + timeout.toMillis() + " ms", true, "", slow);
                case HttpTimeoutException slow ->
                    new Failure("no answer within " + timeout.toMillis() + " ms", true, "", slow);
                case IOException io -> new Failure(describe(io), true, "", io);
                case Throwable other -> new Failure(describe(other), false, "", other);
            };
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new SmsException("SMS " + message.id() + " to " + endpoint + ": interrupted", e);
        }
    }

    private void pause(Duration wait, SmsMessage message) throws SmsException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException("SMS " + message.id() + " to " + endpoint + ": interrupted between tries", e);
        }
    }

    /** A failed try: what happened, whether to try again, and what the gateway said. */
    private record Failure(String summary, boolean retryable, String said, Throwable cause) {

        String excerpt() {
            return said.isEmpty() ? "" : ": " + said;
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    /** {@code scheme://host[:port]/path}: query and user info may hold credentials (R11). */
    private static String endpoint(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path;
    }

    private static Duration positive(Duration duration, String name) {
        if (!Objects.requireNonNull(duration, name).isPositive()) {
            throw new IllegalArgumentException(name + " must be longer than 0: " + duration);
        }
        return duration;
    }
}
