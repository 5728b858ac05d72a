package org.callgate.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for {@code sms}: a sender that can deliver (R9), and retries that give up in time.
 * Webhook keys are checked even when the sender is {@code outbox}, so that a mistake is found
 * before the day someone switches to {@code webhook}.
 */
final class SmsRules {

    static final String URL_RULE = "not an http or https URL with a host, such as https://sms-gateway.example/send";
    private static final int MAX_RETRIES = 10;

    private SmsRules() {}

    static void check(SmsConfig sms, Problems problems) {
        problems.require(
                !sms.outbox().toString().isEmpty(),
                "sms.outbox",
                "",
                "must not be empty; leave the key out for " + SmsConfig.DEFAULT_OUTBOX);
        SmsWebhookConfig webhook = sms.webhook();
        if (webhook.url() != null) {
            problems.require(webhookUri(webhook.url()).isPresent(), "sms.webhook.url", webhook.url(), URL_RULE);
        } else if (sms.sender() == SmsConfig.Sender.WEBHOOK) {
            problems.add(Problem.of("sms.webhook.url", null, "required when sender is webhook")
                    .near("sms.webhook", "sms.sender"));
        }
        positive("sms.webhook.timeout", webhook.timeout(), problems);
        problems.require(
                webhook.retries() >= 0 && webhook.retries() <= MAX_RETRIES,
                "sms.webhook.retries",
                webhook.retries(),
                "out of range 0.." + MAX_RETRIES);
        positive("sms.webhook.backoff", webhook.backoff(), problems);
    }

    /** {@code url} when it is an absolute {@code http} or {@code https} URL with a host. */
    static Optional<URI> webhookUri(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null && !uri.getHost().isEmpty() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

    private static void positive(String path, Duration duration, Problems problems) {
        problems.require(duration.isPositive(), path, duration, "must be longer than 0");
    }
}
