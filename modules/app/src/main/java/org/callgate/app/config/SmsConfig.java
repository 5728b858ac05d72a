package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code sms:} section: how the SMS link offered to a mobile caller is delivered (R9).
 *
 * <p>The default, {@code outbox}, only needs a local file: messages are queued there, one JSON
 * line each, until a relay hands them to an SMS gateway. {@code webhook} posts each message to
 * the gateway directly. Both files and gateways receive phone numbers, personal data kept on a
 * need-to-know basis (R11).
 *
 * @param sender which sender delivers the messages
 * @param outbox the outbox file of the {@code outbox} sender, as written (a relative path is
 *     relative to the current directory)
 * @param webhook the gateway of the {@code webhook} sender
 */
public record SmsConfig(Sender sender, Path outbox, SmsWebhookConfig webhook) {

    /** Relative to the current directory; {@code scripts/callgate} runs from the repository root. */
    static final Path DEFAULT_OUTBOX = Path.of("var/sms-outbox.jsonl");

    /** The {@code sms.sender} values. */
    public enum Sender {
        /** Append to a local JSON-lines file. */
        @JsonProperty("outbox")
        OUTBOX,
        /** POST to an SMS gateway's HTTP webhook. */
        @JsonProperty("webhook")
        WEBHOOK;

        /** The allowed values as written in YAML, for error messages and documentation. */
        static String allowed() {
            return Arrays.stream(values()).map(Sender::toString).collect(Collectors.joining(", "));
        }

        /** The name as written in YAML ({@code outbox}). */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SmsConfig {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(webhook, "webhook");
    }

    /** The documented defaults of the {@code sms:} section. */
    public static SmsConfig defaults() {
        return new SmsConfig(Sender.OUTBOX, DEFAULT_OUTBOX, SmsWebhookConfig.defaults());
    }

    /** Binds the YAML keys; a key left out (or {@code null}) takes its default. */
    @JsonCreator
    static SmsConfig fromYaml(
            @JsonProperty("sender") Sender sender,
            @JsonProperty("outbox") String outbox,
            @JsonProperty("webhook") SmsWebhookConfig webhook) {
        SmsConfig d = defaults();
        return new SmsConfig(
                Objects.requireNonNullElse(sender, d.sender()),
                outbox == null ? d.outbox() : Path.of(outbox),
                Objects.requireNonNullElse(webhook, d.webhook()));
    }
}
