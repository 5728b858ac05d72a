package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callgate.core.ServiceLine;
import org.callgate.core.ivr.IvrPlan;
import org.callgate.core.ivr.Menu;
import org.callgate.core.ivr.MenuAction;
import org.callgate.core.ivr.SurveyPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A line's {@code ivr:} section becomes the core {@link IvrPlan} the IVR runs (R7, R8, R15). */
class IvrConfigTest {

    private static final String PRIVATE_LINE = """
            prompts-dir: prompts
            service-lines:
              - id: private
                name: Private customers
                number: 02 278 50 44
                queue: sip:private@127.0.0.1:5070
                ivr:
                  languages: [nl, fr, en]
                  language-prompt: language
                  greeting: welcome-private
                  recording-notice: recording-notice
                  no-input: 4s
                  retries: 3
                  menu:
                    prompt: menu-private
                    options:
                      1: {queue: "sip:banking@127.0.0.1:5070", service: banking, announcement: banking-recorded}
                      "2": {queue: "sip:private@127.0.0.1:5070"}
                      9:
                        menu:
                          prompt: menu-more
                          options:
                            1: {queue: "sip:savings@127.0.0.1:5070", service: savings}
                            "#": {action: agent}
                      0: {action: agent}
                      "*": {action: repeat}
            """;

    @TempDir
    Path dir;

    @Test
    void theIvrSectionBecomesThePlanOfTheLineWithTheLineQueueAsDefaultQueue() throws Exception {
        prompts("language", "welcome-private", "recording-notice", "menu-private", "banking-recorded", "menu-more");

        ServiceLine line = load(PRIVATE_LINE).directory().lines().getFirst();

        Menu more = new Menu(
                "menu-more",
                Map.of(
                        '1', new MenuAction.Queue("sip:savings@127.0.0.1:5070", "savings", null),
                        '#', new MenuAction.Agent()));
        Menu main = new Menu(
                "menu-private",
                Map.of(
                        '1', new MenuAction.Queue("sip:banking@127.0.0.1:5070", "banking", "banking-recorded"),
                        '2', new MenuAction.Queue("sip:private@127.0.0.1:5070", null, null),
                        '9', new MenuAction.Submenu(more),
                        '0', new MenuAction.Agent(),
                        '*', new MenuAction.Repeat()));
        assertThat(line.ivr())
                .isEqualTo(new IvrPlan(
                        List.of("nl", "fr", "en"),
                        "language",
                        "welcome-private",
                        "recording-notice",
                        main,
                        Duration.ofSeconds(4),
                        3,
                        "sip:private@127.0.0.1:5070"));
        assertThat(line.ivr().asksLanguage()).isTrue();
    }

    @Test
    void theSurveyBecomesThePlansSurveyWaitingTheLinesNoInputForEachAnswer() throws Exception {
        prompts(
                "language",
                "welcome-private",
                "recording-notice",
                "menu-private",
                "banking-recorded",
                "menu-more",
                "survey-consent",
                "survey-resolved",
                "survey-agent",
                "survey-thanks");

        IvrPlan plan = load(PRIVATE_LINE + """
                      survey-consent: survey-consent
                      survey:
                        questions: [survey-resolved, survey-agent]
                        thanks: survey-thanks
                """).directory().lines().getFirst().ivr();

        assertThat(plan.surveyConsent()).isEqualTo("survey-consent");
        assertThat(plan.survey())
                .isEqualTo(new SurveyPlan(
                        List.of("survey-resolved", "survey-agent"), "survey-thanks", Duration.ofSeconds(4)));
        assertThat(plan.promptNames()).contains("survey-resolved", "survey-agent", "survey-thanks");
    }

    @Test
    void theBankingOptionMovesTheCallToTheBankingServiceAfterItsAnnouncement() throws Exception {
        prompts("language", "welcome-private", "recording-notice", "menu-private", "banking-recorded", "menu-more");

        IvrPlan plan = load(PRIVATE_LINE).directory().lines().getFirst().ivr();

        assertThat(plan.menu().option('1'))
                .contains(new MenuAction.Queue("sip:banking@127.0.0.1:5070", "banking", "banking-recorded"));
    }

    @Test
    void keysWrittenAsNumbersOrAsTextAreTheSameKey() throws Exception {
        prompts("language", "welcome-private", "recording-notice", "menu-private", "banking-recorded", "menu-more");

        MenuConfig menu = load(PRIVATE_LINE).serviceLines().getFirst().ivr().menu();

        assertThat(menu.options()).containsOnlyKeys("1", "2", "9", "0", "*");
    }

    @Test
    void noInputRetriesLanguagePromptAndRecordingNoticeMayBeLeftOut() throws Exception {
        prompts("welcome", "menu");

        IvrPlan plan = load("""
                prompts-dir: prompts
                service-lines:
                  - id: private
                    name: Private customers
                    number: 02 278 50 44
                    queue: sip:private@127.0.0.1:5070
                    ivr:
                      languages: [nl, fr, en]
                      greeting: welcome
                      menu: {prompt: menu, options: {"0": {action: agent}}}
                """).directory().lines().getFirst().ivr();

        assertThat(plan.noInput()).isEqualTo(Duration.ofSeconds(5));
        assertThat(plan.retries()).isEqualTo(2);
        assertThat(plan.languagePrompt()).isNull();
        assertThat(plan.recordingNotice()).isNull();
        assertThat(plan.asksLanguage()).isFalse();
    }

    @Test
    void aLineWithoutIvrStillLoadsAndSendsCallsStraightToItsQueue() throws Exception {
        CallgateConfig config = load("""
                prompts-dir: no-such-directory
                service-lines:
                  - id: business
                    name: Business customers
                    number: 02 201 11 11
                    queue: sip:business@127.0.0.1:5070
                """);

        assertThat(config.serviceLines().getFirst().ivr()).isNull();
        assertThat(config.directory().lines().getFirst().ivr()).isNull();
        assertThat(config.directory().lines().getFirst().ivrPlan()).isEmpty();
    }

    @Test
    void anEmptyIvrKeyMeansNoIvr() throws Exception {
        CallgateConfig config = load("""
                service-lines:
                  - {id: business, name: Business, number: 02 201 11 11, queue: "sip:b@queue", ivr: ~}
                """);

        assertThat(config.serviceLines().getFirst().ivr()).isNull();
    }

    @Test
    void aRelativePromptsDirIsKeptAsWrittenForTheCurrentDirectory() throws Exception {
        prompts("language", "welcome-private", "recording-notice", "menu-private", "banking-recorded", "menu-more");

        assertThat(load(PRIVATE_LINE).promptsDir()).isEqualTo(Path.of("prompts"));
        assertThat(ConfigLoader.defaults().promptsDir()).isEqualTo(Path.of("config/prompts"));
    }

    @Test
    void anAbsolutePromptsDirIsUsedAsIs() throws Exception {
        Path absolute = TestPrompts.create(dir.resolve("elsewhere"), List.of("nl"), List.of("welcome", "menu"));

        CallgateConfig config = load("""
                prompts-dir: %s
                service-lines:
                  - id: private
                    name: Private customers
                    number: 02 278 50 44
                    queue: sip:private@127.0.0.1:5070
                    ivr: {languages: [nl], greeting: welcome, menu: {prompt: menu, options: {"0": {action: agent}}}}
                """.formatted(absolute));

        assertThat(config.promptsDir()).isEqualTo(absolute);
    }

    @Test
    void everyDefaultLineHasTheDocumentedIvr() {
        List<ServiceLine> lines = ConfigLoader.defaults().directory().lines();

        assertThat(lines).allSatisfy(line -> {
            IvrPlan plan = line.ivr();
            assertThat(plan.languages()).containsExactly("nl", "fr", "en");
            assertThat(plan.languagePrompt()).isEqualTo("language");
            assertThat(plan.greeting()).isEqualTo("welcome-" + line.id());
            assertThat(plan.recordingNotice()).isEqualTo("recording-notice");
            assertThat(plan.menu().prompt()).isEqualTo("menu-" + line.id());
            assertThat(plan.noInput()).isEqualTo(Duration.ofSeconds(5));
            assertThat(plan.retries()).isEqualTo(2);
            assertThat(plan.defaultQueue()).isEqualTo(line.queueUri());
            assertThat(plan.menu().option('0')).contains(new MenuAction.Agent());
            assertThat(plan.menu().option('*')).contains(new MenuAction.Repeat());
        });
        assertThat(lines)
                .extracting(ServiceLine::id)
                .containsExactlyInAnyOrder("private", "business", "riziv-inami", "traffic-fines");
        assertThat(options(lines, "private"))
                .isEqualTo(Map.of(
                        '1',
                        queue("banking", "banking", "banking-recorded"),
                        '2',
                        queue("private", null, null),
                        '0',
                        new MenuAction.Agent(),
                        '*',
                        new MenuAction.Repeat()));
        assertThat(options(lines, "business"))
                .isEqualTo(Map.of(
                        '1',
                        queue("business-parcels", null, null),
                        '2',
                        queue("business-invoices", null, null),
                        '0',
                        new MenuAction.Agent(),
                        '*',
                        new MenuAction.Repeat()));
        assertThat(options(lines, "riziv-inami"))
                .isEqualTo(Map.of(
                        '1',
                        queue("riziv-inami-orders", null, null),
                        '0',
                        new MenuAction.Agent(),
                        '*',
                        new MenuAction.Repeat()));
        assertThat(options(lines, "traffic-fines"))
                .isEqualTo(Map.of(
                        '1',
                        queue("traffic-fines-payment", null, null),
                        '2',
                        queue("traffic-fines-disputes", null, null),
                        '0',
                        new MenuAction.Agent(),
                        '*',
                        new MenuAction.Repeat()));
    }

    private static Map<Character, MenuAction> options(List<ServiceLine> lines, String id) {
        return lines.stream()
                .filter(line -> line.id().equals(id))
                .findFirst()
                .orElseThrow()
                .ivr()
                .menu()
                .options();
    }

    private static MenuAction.Queue queue(String user, String service, String announcement) {
        return new MenuAction.Queue("sip:" + user + "@127.0.0.1:5070", service, announcement);
    }

    private void prompts(String... names) {
        TestPrompts.create(dir.resolve("prompts"), List.of("nl", "fr", "en"), List.of(names));
    }

    private CallgateConfig load(String yaml) throws IOException, ConfigException {
        return ConfigLoader.load(Files.writeString(dir.resolve("callgate.yaml"), yaml), dir);
    }
}
