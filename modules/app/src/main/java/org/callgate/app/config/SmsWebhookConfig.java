package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code sms.webhook:} section: the SMS gateway that the {@code webhook} sender posts to (R9).
 *
 * <p>A failed try is retried only when another might succeed (a 5xx, 408 or 429 answer, no
 * answer, a network error), waiting {@code backoff}, then twice as long before each next try, so
 * a gateway that is down is not flooded. The URL is kept as written so that validation can quote
 * it.
 *
 * @param url {@code http} or {@code https} URL with a host, or {@code null}; required when the
 *     sender is {@code webhook}
 * @param timeout longest wait for one answer
 * @param retries tries after the first, 0..10
 * @param backoff wait before the first retry
 */
public record SmsWebhookConfig(String url, Duration timeout, int retries, Duration backoff) {

    public SmsWebhookConfig {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
    }

    /** The documented defaults of the {@code sms.webhook:} section: no URL. */
    public static SmsWebhookConfig defaults() {
        return new SmsWebhookConfig(null, Duration.ofSeconds(5), 3, Duration.ofMillis(500));
    }

    /** Binds the YAML keys; a key left out (or {@code null}) takes its default. */
    @JsonCreator
    static SmsWebhookConfig fromYaml(
            @JsonProperty("url") String url,
            @JsonProperty("timeout") Duration timeout,
            @JsonProperty("retries") Integer retries,
            @JsonProperty("backoff") Duration backoff) {
        SmsWebhookConfig d = defaults();
        return new SmsWebhookConfig(
                url,
                Objects.requireNonNullElse(timeout, d.timeout()),
                Objects.requireNonNullElse(retries, d.retries()),
                Objects.requireNonNullElse(backoff, d.backoff()));
    }

    /**
     * {@link #url()} as a URI.
     *
     * @throws IllegalArgumentException naming the key when there is none or it is not a URI; a
     *     {@link ConfigLoader}-validated instance with sender {@code webhook} always has one
     */
    public URI uri() {
        if (url == null) {
            throw new IllegalArgumentException("sms.webhook.url: (none) — required when sender is webhook");
        }
        return SmsRules.webhookUri(url)
                .orElseThrow(() -> new IllegalArgumentException(
                        "sms.webhook.url: " + Values.show(url) + " — " + SmsRules.URL_RULE));
    }
}
