package org.callgate.app;

import org.callgate.app.config.SmsConfig;
import org.callgate.core.sms.SmsSender;
import org.callgate.sms.OutboxSmsSender;
import org.callgate.sms.WebhookSmsSender;

/**
 * Makes the {@link SmsSender} the {@code sms:} section asks for (R9): the one place that knows
 * the concrete senders.
 */
public final class SmsSenders {

    private SmsSenders() {}

    /**
     * The sender of a {@link org.callgate.app.config.ConfigLoader}-validated {@code sms:} section.
     * Nothing is sent and no connection is made here; an outbox that cannot be read yet is
     * reported in the log and read again at the first send, so that callgate still answers calls.
     *
     * @throws IllegalArgumentException naming the key when the section was not validated (a
     *     {@code webhook} sender without a usable URL)
     */
    public static SmsSender create(SmsConfig config) {
        return switch (config.sender()) {
            case OUTBOX -> new OutboxSmsSender(config.outbox());
            case WEBHOOK -> {
                var webhook = config.webhook();
                yield new WebhookSmsSender(webhook.uri(), webhook.timeout(), webhook.retries(), webhook.backoff());
            }
        };
    }
}
