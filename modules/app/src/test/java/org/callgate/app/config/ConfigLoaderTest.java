package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callgate.core.PhoneNumber;
import org.callgate.core.ServiceLine;
import org.callgate.core.ivr.IvrPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    /** The repository root: scripts/callgate runs from there, so the shipped prompts-dir is relative to it. */
    static final Path ROOT =
            Path.of(System.getProperty("user.dir")).resolve("../..").normalize();

    static final Path SHIPPED = ROOT.resolve("config/callgate.yaml");

    @TempDir
    Path dir;

    @TempDir
    Path workingDir;

    @BeforeEach
    void defaultPrompts() {
        TestPrompts.defaultsIn(workingDir);
    }

    @Test
    void theShippedFileLoadsAndEqualsTheDefaults() throws Exception {
        assertThat(ConfigLoader.load(SHIPPED, workingDir)).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    void theShippedFileFindsEveryPromptItNamesInTheShippedPromptsDirectory() throws Exception {
        assertThat(ConfigLoader.load(SHIPPED, ROOT).promptsDir()).isEqualTo(Path.of("config/prompts"));
    }

    @Test
    void theShippedSurveyExampleOnceUncommentedLoadsWithTheShippedPromptsInEveryLanguage() throws Exception {
        String shipped = Files.readString(SHIPPED);
        String uncommented = shipped.replace("      # survey-consent:", "      survey-consent:")
                .replace("      # survey:", "      survey:")
                .replace("      #   questions:", "        questions:")
                .replace("      #   thanks:", "        thanks:");
        assertThat(uncommented).as("the example is in the shipped file").isNotEqualTo(shipped);
        Path file = Files.writeString(
                dir.resolve("survey.yaml"),
                uncommented.replace("prompts-dir: config/prompts", "prompts-dir: " + ROOT.resolve("config/prompts")));

        IvrPlan privateLine = ConfigLoader.load(file, ROOT).directory().lines().stream()
                .filter(line -> line.id().equals("private"))
                .findFirst()
                .orElseThrow()
                .ivr();

        assertThat(privateLine.surveyConsent()).isEqualTo("survey-consent");
        assertThat(privateLine.survey().questions())
                .containsExactly("survey-resolved", "survey-agent", "survey-waiting");
        assertThat(privateLine.survey().thanks()).isEqualTo("survey-thanks");
    }

    @Test
    void theDefaultsAreTheDocumentedValues() {
        CallgateConfig defaults = ConfigLoader.defaults();

        assertThat(defaults.sip())
                .isEqualTo(new SipConfig("127.0.0.1", null, 5060, List.of(Transport.UDP, Transport.TCP)));
        assertThat(defaults.media()).isEqualTo(new MediaConfig("127.0.0.1", 20000, 29999, Duration.ofSeconds(60), 0));
        assertThat(defaults.calls())
                .isEqualTo(new CallsConfig(
                        1000, 0, Duration.ofSeconds(30), CallsConfig.OVERLOAD_DELAY, Duration.ofSeconds(60)));
        assertThat(defaults.serviceLines())
                .extracting(ServiceLineConfig::id)
                .containsExactly("private", "business", "riziv-inami", "traffic-fines");
        assertThat(defaults.promptsDir()).isEqualTo(Path.of("config/prompts"));
        assertThat(defaults.sms())
                .isEqualTo(new SmsConfig(
                        SmsConfig.Sender.OUTBOX,
                        Path.of("var/sms-outbox.jsonl"),
                        new SmsWebhookConfig(null, Duration.ofSeconds(5), 3, Duration.ofMillis(500))));
    }

    @Test
    void theDefaultsKeepTheirIvrsWithoutCheckingPromptFiles() {
        // defaults() reads nothing: the prompts are loaded, and missing ones reported, at start-up.
        assertThat(ConfigLoader.defaults().directory().lines())
                .hasSize(4)
                .allSatisfy(line -> assertThat(line.ivr()).isNotNull());
    }

    @Test
    void theDefaultsPassValidation() {
        assertThat(ConfigValidator.validate(ConfigLoader.defaults())).isEmpty();
    }

    @Test
    void anEmptyFileMeansAllDefaults() throws Exception {
        assertThat(load("# nothing but a comment\n")).isEqualTo(ConfigLoader.defaults());
        assertThat(load("")).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    void aMissingSectionTakesItsDefaults() throws Exception {
        CallgateConfig config = load("""
                sip:
                  port: 5070
                """);

        assertThat(config.media()).isEqualTo(MediaConfig.defaults());
        assertThat(config.calls()).isEqualTo(CallsConfig.defaults());
        assertThat(config.serviceLines()).isEqualTo(ServiceLineConfig.defaults());
        assertThat(config.sms()).isEqualTo(SmsConfig.defaults());
    }

    @Test
    void anOutboundProxyIsKeptAsWrittenAndNoneIsTheDefault() throws Exception {
        CallgateConfig config = load("""
                sip:
                  outbound-proxy: sip:10.0.0.9:5060;transport=tcp
                """);

        assertThat(config.sip().outboundProxy()).isEqualTo("sip:10.0.0.9:5060;transport=tcp");
        assertThat(ConfigLoader.defaults().sip().outboundProxy()).isNull();
    }

    @Test
    void aMissingOrEmptyKeyTakesItsDefaultWhileTheOthersKeepTheirValue() throws Exception {
        CallgateConfig config = load("""
                sip:
                  port: 5070
                  transports:
                calls:
                  retry-after: 2m
                """);

        assertThat(config.sip())
                .isEqualTo(new SipConfig("127.0.0.1", null, 5070, List.of(Transport.UDP, Transport.TCP)));
        assertThat(config.calls())
                .isEqualTo(new CallsConfig(
                        1000, 0, Duration.ofMinutes(2), CallsConfig.OVERLOAD_DELAY, Duration.ofSeconds(60)));
    }

    @Test
    void durationsAreReadInMillisecondsSecondsMinutesAndHours() throws Exception {
        CallgateConfig config = load("""
                media:
                  inactivity-timeout: 250ms
                calls:
                  retry-after: 1h
                  no-answer-timeout: 5m
                """);

        assertThat(config.media().inactivityTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.calls().retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(config.calls().noAnswerTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void serviceLinesBecomeADirectoryOfCoreServiceLines() throws Exception {
        CallgateConfig config = load("""
                service-lines:
                  - id: postinfo
                    name: Postinfo
                    number: 022785044
                    queue: sips:banking@queue.example.be;transport=tcp
                """);

        assertThat(config.directory().lookup("+32 2 278 50 44"))
                .contains(new ServiceLine(
                        "postinfo",
                        "Postinfo",
                        PhoneNumber.parse("+3222785044"),
                        "sips:banking@queue.example.be;transport=tcp"));
        assertThat(config.directory().lines()).hasSize(1);
        assertThat(config.directory().lines().getFirst().ivr()).isNull();
    }

    @Test
    void addressesAreGivenAsInetAddressesAndTheAdvertisedOneFallsBackToTheListenOne() throws Exception {
        CallgateConfig config = load("""
                sip:
                  listen-address: "::"
                  advertised-address: 192.0.2.10
                media:
                  address: 192.0.2.11
                """);

        assertThat(config.sip().listenInetAddress()).isEqualTo(InetAddress.ofLiteral("::"));
        assertThat(config.sip().advertisedInetAddress()).isEqualTo(InetAddress.ofLiteral("192.0.2.10"));
        assertThat(config.media().inetAddress()).isEqualTo(InetAddress.ofLiteral("192.0.2.11"));
        assertThat(ConfigLoader.defaults().sip().advertisedInetAddress()).isEqualTo(InetAddress.ofLiteral("127.0.0.1"));
        assertThat(ConfigLoader.defaults().sip().listenSocketAddress().getPort())
                .isEqualTo(5060);
    }

    @Test
    void zeroMediaThreadsMeansOnePerProcessor() {
        assertThat(ConfigLoader.defaults().media().effectiveThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void anUnvalidatedAddressIsRefusedByItsAccessorNamingTheKey() {
        SipConfig sip = new SipConfig("localhost", null, 5060, List.of(Transport.UDP));

        assertThatThrownBy(sip::listenInetAddress)
                .hasMessageStartingWith("sip.listen-address: 'localhost' — not an IP");
    }

    private CallgateConfig load(String yaml) throws IOException, ConfigException {
        return ConfigLoader.load(Files.writeString(dir.resolve("callgate.yaml"), yaml), workingDir);
    }
}
