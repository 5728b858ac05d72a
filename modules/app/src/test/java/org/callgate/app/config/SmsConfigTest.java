package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.callgate.app.SmsSenders;
import org.callgate.sms.OutboxSmsSender;
import org.callgate.sms.WebhookSmsSender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sms:} section (R9): defaults, binding, one-line errors, and the sender it makes. */
class SmsConfigTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void defaultPrompts() {
        TestPrompts.defaultsIn(dir);
    }

    @Test
    void theDefaultsAreAnOutboxUnderVarAndAWebhookWithoutUrl() {
        assertThat(ConfigLoader.defaults().sms())
                .isEqualTo(new SmsConfig(
                        SmsConfig.Sender.OUTBOX,
                        Path.of("var/sms-outbox.jsonl"),
                        new SmsWebhookConfig(null, Duration.ofSeconds(5), 3, Duration.ofMillis(500))));
    }

    @Test
    void aFileWithoutSmsSectionTakesTheDefaults() throws Exception {
        assertThat(load("calls:\n  max-concurrent: 10\n").sms()).isEqualTo(SmsConfig.defaults());
    }

    @Test
    void aWebhookSenderIsReadWithItsUrlAndTimings() throws Exception {
        SmsConfig sms = load("""
                sms:
                  sender: webhook
                  webhook:
                    url: https://sms-gateway.example/send
                    timeout: 2s
                    retries: 0
                    backoff: 1m
                """).sms();

        assertThat(sms)
                .isEqualTo(new SmsConfig(
                        SmsConfig.Sender.WEBHOOK,
                        Path.of("var/sms-outbox.jsonl"),
                        new SmsWebhookConfig(
                                "https://sms-gateway.example/send", Duration.ofSeconds(2), 0, Duration.ofMinutes(1))));
        assertThat(sms.webhook().uri()).isEqualTo(URI.create("https://sms-gateway.example/send"));
    }

    @Test
    void anOutboxPathIsReadAsWrittenAndTheWebhookKeysKeepTheirDefaults() throws Exception {
        SmsConfig sms = load("""
                sms:
                  outbox: /srv/callgate/sms.jsonl
                  webhook:
                    retries: 10
                """).sms();

        assertThat(sms.outbox()).isEqualTo(Path.of("/srv/callgate/sms.jsonl"));
        assertThat(sms.webhook())
                .isEqualTo(new SmsWebhookConfig(null, Duration.ofSeconds(5), 10, Duration.ofMillis(500)));
    }

    @Test
    void anUnknownSenderIsRefusedWithTheAllowedOnes() {
        assertThat(errorFor("""
                sms:
                  sender: sms
                """)).isEqualTo(file + ":2:11: sms.sender: 'sms' — not a sender; allowed: outbox, webhook");
    }

    @Test
    void aWebhookSenderWithoutUrlIsRefusedAtTheSender() {
        assertThat(errorFor("""
                sms:
                  sender: webhook
                """)).isEqualTo(file + ":2:11: sms.webhook.url: (none) — required when sender is webhook");
    }

    @Test
    void aWebhookSenderWithANullUrlIsRefusedAtTheWebhookSection() {
        assertThat(errorFor("""
                sms:
                  sender: webhook
                  webhook:
                    url: null
                    timeout: 5s
                """)).isEqualTo(file + ":4:10: sms.webhook.url: null — required when sender is webhook");
    }

    @Test
    void aUrlThatIsNotHttpOrHttpsIsRefused() {
        assertThat(errorFor("""
                sms:
                  sender: webhook
                  webhook:
                    url: ftp://sms.example/send
                """))
                .isEqualTo(file + ":4:10: sms.webhook.url: 'ftp://sms.example/send' — not an http or https URL"
                        + " with a host, such as https://sms-gateway.example/send");
    }

    @Test
    void aUrlWithoutHostIsRefusedEvenWhenTheSenderIsTheOutbox() {
        assertThat(errorFor("""
                sms:
                  webhook:
                    url: "https:/send"
                """))
                .startsWith(file + ":3:10: sms.webhook.url: 'https:/send' — not an http or https URL with a host");
    }

    @Test
    void textThatIsNoUrlAtAllIsRefused() {
        assertThat(errorFor("""
                sms:
                  webhook: {url: "sms gateway"}
                """)).startsWith(file + ":2:18: sms.webhook.url: 'sms gateway' — not an http or https URL");
    }

    @Test
    void zeroTimeoutAndBackoffAreRefused() {
        assertThat(exceptionFor("""
                sms:
                  webhook:
                    timeout: 0s
                    backoff: 0ms
                """).errors())
                .extracting(ConfigError::toString)
                .containsExactly(
                        file + ":3:14: sms.webhook.timeout: '0s' — must be longer than 0",
                        file + ":4:14: sms.webhook.backoff: '0ms' — must be longer than 0");
    }

    @Test
    void retriesOutside0To10AreRefused() {
        assertThat(errorFor("sms:\n  webhook:\n    retries: 11\n"))
                .isEqualTo(file + ":3:14: sms.webhook.retries: 11 — out of range 0..10");
        assertThat(errorFor("sms:\n  webhook:\n    retries: -1\n"))
                .isEqualTo(file + ":3:14: sms.webhook.retries: -1 — out of range 0..10");
    }

    @Test
    void anEmptyOutboxPathIsRefused() {
        assertThat(errorFor("""
                sms:
                  outbox: ""
                """))
                .isEqualTo(file + ":2:11: sms.outbox: '' — must not be empty; leave the key out for"
                        + " var/sms-outbox.jsonl");
    }

    @Test
    void anUnknownSmsKeyIsNamedWithTheKeysAllowedThere() {
        assertThat(errorFor("""
                sms:
                  webhook:
                    uri: https://sms-gateway.example/send
                """))
                .isEqualTo(file + ":3:5: sms.webhook.uri: 'https://sms-gateway.example/send' — unknown key;"
                        + " allowed: backoff, retries, timeout, url");
    }

    @Test
    void theDefaultSenderIsTheOutbox() {
        assertThat(SmsSenders.create(SmsConfig.defaults()))
                .isInstanceOfSatisfying(
                        OutboxSmsSender.class,
                        outbox -> assertThat(outbox.file()).isEqualTo(Path.of("var/sms-outbox.jsonl")));
    }

    @Test
    void aWebhookSenderIsMadeFromAValidatedSection() throws Exception {
        SmsConfig sms = load("""
                sms:
                  sender: webhook
                  webhook:
                    url: http://127.0.0.1:8080/send
                """).sms();

        assertThat(SmsSenders.create(sms)).isInstanceOf(WebhookSmsSender.class);
    }

    @Test
    void anUnvalidatedWebhookSectionIsRefusedNamingTheKey() {
        SmsConfig noUrl = new SmsConfig(SmsConfig.Sender.WEBHOOK, Path.of("x"), SmsWebhookConfig.defaults());

        assertThatThrownBy(() -> SmsSenders.create(noUrl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sms.webhook.url: (none) — required when sender is webhook");
    }

    private CallgateConfig load(String yaml) throws IOException, ConfigException {
        return ConfigLoader.load(Files.writeString(dir.resolve("callgate.yaml"), yaml), dir);
    }

    private ConfigException exceptionFor(String yaml) {
        file = dir.resolve("callgate.yaml");
        return BadConfig.refused(dir, yaml);
    }

    private String errorFor(String yaml) {
        return exceptionFor(yaml).getMessage();
    }
}
