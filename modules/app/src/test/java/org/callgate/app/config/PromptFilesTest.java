package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every prompt a line names must exist as {@code <prompts-dir>/<language>/<name>.wav} in every
 * language of the line, or the file is refused before a caller hears silence (R7, R8).
 */
class PromptFilesTest {

    private static final String PRIVATE_LINE = """
            prompts-dir: prompts
            service-lines:
              - id: private
                name: Private customers
                number: 02 278 50 44
                queue: sip:private@127.0.0.1:5070
                ivr:
                  languages: [nl, fr]
                  language-prompt: language
                  greeting: welcome-private
                  recording-notice: recording-notice
                  menu:
                    prompt: menu-private
                    options:
                      "1": {queue: "sip:banking@127.0.0.1:5070", service: banking, announcement: banking-recorded}
                      "9": {menu: {prompt: menu-more, options: {"0": {action: agent}}}}
            """;
    private static final List<String> PRIVATE_PROMPTS =
            List.of("language", "welcome-private", "recording-notice", "menu-private", "banking-recorded", "menu-more");

    @TempDir
    Path dir;

    private Path file;

    @Test
    void aLineWithEveryPromptInEveryLanguageLoads() throws Exception {
        TestPrompts.create(dir.resolve("prompts"), List.of("nl", "fr"), PRIVATE_PROMPTS);

        assertThat(load(PRIVATE_LINE).serviceLines()).hasSize(1);
    }

    @Test
    void aPromptMissingInOneLanguageIsNamedWithTheFileToAdd() throws IOException {
        TestPrompts.create(dir.resolve("prompts"), List.of("nl", "fr"), PRIVATE_PROMPTS);
        Files.delete(dir.resolve("prompts/fr/banking-recorded.wav"));

        assertThat(exceptionFor(PRIVATE_LINE).errors())
                .extracting(ConfigError::toString)
                .containsExactly(file
                        + ":15:86: service-lines[0].ivr.menu.options.1.announcement: 'banking-recorded' — no prompt file"
                        + " prompts/fr/banking-recorded.wav");
    }

    @Test
    void everyMissingPromptIsReportedInFileOrderOncePerLanguage() throws IOException {
        TestPrompts.create(dir.resolve("prompts"), List.of("nl"), PRIVATE_PROMPTS);
        TestPrompts.create(
                dir.resolve("prompts"),
                List.of("fr"),
                List.of("language", "welcome-private", "menu-private", "banking-recorded"));

        assertThat(exceptionFor(PRIVATE_LINE).errors())
                .extracting(ConfigError::toString)
                .containsExactly(
                        file + ":11:25: service-lines[0].ivr.recording-notice: 'recording-notice' — no prompt file"
                                + " prompts/fr/recording-notice.wav",
                        file + ":16:32: service-lines[0].ivr.menu.options.9.menu.prompt: 'menu-more' — no prompt file"
                                + " prompts/fr/menu-more.wav");
    }

    @Test
    void aSurveyQuestionOrThanksWithoutItsFileIsNamedWithTheFileToAdd() throws IOException {
        TestPrompts.create(dir.resolve("prompts"), List.of("nl", "fr"), PRIVATE_PROMPTS);
        TestPrompts.create(dir.resolve("prompts"), List.of("nl", "fr"), List.of("survey-consent", "survey-resolved"));
        TestPrompts.create(dir.resolve("prompts"), List.of("nl"), List.of("survey-thanks"));

        assertThat(exceptionFor(PRIVATE_LINE + """
                      survey-consent: survey-consent
                      survey:
                        questions: [survey-resolved, survey-agent]
                        thanks: survey-thanks
                """).errors())
                .extracting(ConfigError::toString)
                .containsExactly(
                        file + ":19:38: service-lines[0].ivr.survey.questions[1]: 'survey-agent' — no prompt file"
                                + " prompts/nl/survey-agent.wav",
                        file + ":19:38: service-lines[0].ivr.survey.questions[1]: 'survey-agent' — no prompt file"
                                + " prompts/fr/survey-agent.wav",
                        file + ":20:17: service-lines[0].ivr.survey.thanks: 'survey-thanks' — no prompt file"
                                + " prompts/fr/survey-thanks.wav");
    }

    @Test
    void aDirectoryWithThePromptsNameIsNoPromptFile() throws IOException {
        TestPrompts.create(dir.resolve("prompts"), List.of("nl", "fr"), PRIVATE_PROMPTS);
        Files.delete(dir.resolve("prompts/nl/language.wav"));
        Files.createDirectory(dir.resolve("prompts/nl/language.wav"));

        assertThat(errorFor(PRIVATE_LINE))
                .isEqualTo(file + ":9:24: service-lines[0].ivr.language-prompt: 'language' —"
                        + " no prompt file prompts/nl/language.wav");
    }

    @Test
    void aMissingPromptsDirectoryIsOneErrorNamingWhereItWasLookedFor() {
        assertThat(exceptionFor(PRIVATE_LINE).errors())
                .extracting(ConfigError::toString)
                .containsExactly(file + ":1:14: prompts-dir: 'prompts' — no such directory " + dir.resolve("prompts"));
    }

    @Test
    void theDefaultLinesNeedTheirPromptsInTheDefaultDirectory() {
        assertThat(errorFor("""
                sip:
                  port: 5060
                """))
                .isEqualTo(file + ":1:1: prompts-dir: 'config/prompts' — no such directory "
                        + dir.resolve("config/prompts"));
    }

    @Test
    void theDefaultLinesLoadWhenTheirPromptsAreThere() throws Exception {
        TestPrompts.defaultsIn(dir);

        assertThat(load("")).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    void promptFilesAreLookedForOnlyInAFileThatPassedValidation() {
        assertThat(exceptionFor(PRIVATE_LINE.replace("retries: 2", "") + """
                sip:
                  port: 0
                """).errors())
                .extracting(ConfigError::toString)
                .containsExactly(file + ":18:9: sip.port: 0 — out of range 1..65535");
    }

    @Test
    void withoutAnyIvrNoPromptsDirectoryIsNeeded() throws Exception {
        CallgateConfig config = load("""
                prompts-dir: /no/such/directory
                service-lines:
                  - {id: private, name: Private, number: 02 278 50 44, queue: "sip:private@127.0.0.1:5070"}
                """);

        assertThat(config.promptsDir()).isEqualTo(Path.of("/no/such/directory"));
    }

    private CallgateConfig load(String yaml) throws IOException, ConfigException {
        file = Files.writeString(dir.resolve("callgate.yaml"), yaml);
        return ConfigLoader.load(file, dir);
    }

    private ConfigException exceptionFor(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(yaml));
        assertThat(e).as("loading should fail:%n%s", yaml).isNotNull();
        return e;
    }

    private String errorFor(String yaml) {
        return exceptionFor(yaml).getMessage();
    }
}
