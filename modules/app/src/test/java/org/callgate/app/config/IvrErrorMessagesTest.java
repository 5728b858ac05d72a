package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mistake in an {@code ivr:} section is one line naming file, position, key path, value
 * and reason, like the rest of the file's errors.
 */
class IvrErrorMessagesTest {

    /** Six lines of service line; the ivr section given to {@link #ivr} starts on line 7, column 7. */
    private static final String LINE = """
            service-lines:
              - id: private
                name: Private customers
                number: 02 278 50 44
                queue: sip:private@127.0.0.1:5070
                ivr:
            """;

    private static final String IVR = "service-lines[0].ivr";

    @TempDir
    Path dir;

    private Path file;

    @Test
    void anOptionWithNeitherQueueNorMenuNorActionIsRefused() {
        assertThat(errorFor(menu("""
                "1": {service: banking}
                """)))
                .isEqualTo(file + ":12:16: " + IVR + ".menu.options.1: {...} — needs one of queue, menu, action");
    }

    @Test
    void anOptionWithTwoOfQueueMenuAndActionIsRefused() {
        assertThat(errorFor(menu("""
                "1": {queue: "sip:banking@127.0.0.1:5070", action: agent}
                """)))
                .isEqualTo(file + ":12:16: " + IVR + ".menu.options.1: {...} — has queue and action; give exactly one"
                        + " of queue, menu, action");
    }

    @Test
    void anUnknownActionIsRefusedWithTheAllowedOnes() {
        assertThat(errorFor(menu("""
                "0": {action: operator}
                """)))
                .isEqualTo(file + ":12:25: " + IVR + ".menu.options.0.action: 'operator' — not an action;"
                        + " allowed: agent, repeat");
    }

    @Test
    void aKeyOfTwoDigitsIsRefusedPointingAtTheKey() {
        assertThat(errorFor(menu("""
                10: {action: agent}
                """)))
                .isEqualTo(file + ":12:11: " + IVR + ".menu.options.10: {...} — not a DTMF key; an option key is"
                        + " one of 0-9, *, # (quote * and #)");
    }

    @Test
    void aKeyOfTwoSymbolsIsRefused() {
        assertThat(errorFor(menu("""
                "**": {action: repeat}
                """)))
                .isEqualTo(file + ":12:11: " + IVR + ".menu.options.**: {...} — not a DTMF key; an option key is"
                        + " one of 0-9, *, # (quote * and #)");
    }

    @Test
    void aLetterKeyIsRefused() {
        assertThat(errorFor(menu("""
                A: {action: agent}
                """))).startsWith(file + ":12:11: " + IVR + ".menu.options.A: {...} — not a DTMF key");
    }

    @Test
    void aKeyGivenOnceAsANumberAndOnceAsTextIsAKeyGivenTwice() {
        assertThat(errorFor(menu("""
                1: {action: agent}
                "1": {action: repeat}
                """)))
                .isEqualTo(file + ":13:11: " + IVR + ".menu.options.1: {...} — duplicate key; first given on line 12");
    }

    @Test
    void anOptionQueueThatIsNotASipUriIsRefused() {
        assertThat(errorFor(menu("""
                "1": {queue: "tel:+3222785044"}
                """)))
                .isEqualTo(file + ":12:24: " + IVR + ".menu.options.1.queue: 'tel:+3222785044' — not a sip: or sips:"
                        + " URI with a host, such as sip:private@10.0.0.5:5070");
    }

    @Test
    void aServiceThatIsNotLowerCaseIsRefused() {
        assertThat(errorFor(menu("""
                "1": {queue: "sip:banking@127.0.0.1:5070", service: Banking}
                """)))
                .isEqualTo(file + ":12:63: " + IVR + ".menu.options.1.service: 'Banking' — must be lower-case letters,"
                        + " digits and '-', starting with a letter");
    }

    @Test
    void aServiceOnAnOptionThatIsNoQueueIsRefused() {
        assertThat(errorFor(menu("""
                "0": {action: agent, service: banking}
                """)))
                .isEqualTo(file + ":12:41: " + IVR + ".menu.options.0.service: 'banking' — only a queue option has"
                        + " a service");
    }

    @Test
    void anAnnouncementOnASubmenuIsRefused() {
        assertThat(errorFor(menu("""
                "9": {announcement: notice, menu: {prompt: more, options: {"0": {action: agent}}}}
                """)))
                .isEqualTo(file + ":12:31: " + IVR + ".menu.options.9.announcement: 'notice' — only a queue option"
                        + " has an announcement");
    }

    @Test
    void aMenuWithoutOptionsIsRefused() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                greeting: welcome
                menu:
                  prompt: menu
                  options: {}
                """)))
                .isEqualTo(file + ":11:18: " + IVR + ".menu.options: {} — a menu needs at least one option");
    }

    @Test
    void aMenuWithNoOptionsKeyIsRefusedAtTheMenu() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                greeting: welcome
                menu: {prompt: menu}
                """)))
                .isEqualTo(file + ":9:13: " + IVR + ".menu.options: (none) — a menu needs at least one option");
    }

    @Test
    void aSubmenuWithoutOptionsIsRefusedWithItsFullPath() {
        assertThat(errorFor(menu("""
                "9": {menu: {prompt: more, options: {}}}
                """)))
                .isEqualTo(file + ":12:47: " + IVR + ".menu.options.9.menu.options: {} — a menu needs at least one"
                        + " option");
    }

    @Test
    void aMenuWithoutPromptIsRefused() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                greeting: welcome
                menu: {options: {"0": {action: agent}}}
                """))).isEqualTo(file + ":9:13: " + IVR + ".menu.prompt: (none) — required key");
    }

    @Test
    void anIvrWithoutGreetingOrMenuIsRefusedNamingBoth() {
        ConfigException e = exceptionFor(ivr("""
                languages: [nl]
                """));

        assertThat(e.errors())
                .extracting(ConfigError::toString)
                .containsExactly(
                        file + ":7:7: " + IVR + ".greeting: (none) — required key",
                        file + ":7:7: " + IVR + ".menu: (none) — required key");
    }

    @Test
    void anIvrWithoutLanguagesIsRefused() {
        assertThat(errorFor(ivr("""
                greeting: welcome
                menu: {prompt: menu, options: {"0": {action: agent}}}
                """))).isEqualTo(file + ":7:7: " + IVR + ".languages: (none) — required key");
    }

    @Test
    void anEmptyLanguageListIsRefused() {
        assertThat(errorFor(withLanguages("[]")))
                .isEqualTo(file + ":7:18: " + IVR + ".languages: [] — at least one language is needed");
    }

    @Test
    void aLanguageThatIsNoTwoLetterCodeIsRefused() {
        assertThat(errorFor(withLanguages("[nl, FR, eng]")))
                .isEqualTo(file + ":7:23: " + IVR + ".languages[1]: 'FR' — not a"
                        + " language code: two lower-case letters such as nl, fr, en (ISO 639-1)");
    }

    @Test
    void aLanguageListedTwiceIsRefusedAtTheSecond() {
        assertThat(errorFor(withLanguages("[nl, fr, nl]")))
                .isEqualTo(file + ":7:27: " + IVR + ".languages[2]: 'nl' — listed twice");
    }

    @Test
    void moreLanguagesThanKeysToChooseThemIsRefused() {
        assertThat(errorFor(withLanguages("[nl, fr, en, de, es, it, pt, pl, ro, tr]")))
                .isEqualTo(file + ":7:18: " + IVR + ".languages: [nl, fr, en, de, es, it, pt, pl, ro, tr] — at most 9"
                        + " languages: keys 1 to 9 choose one");
    }

    @Test
    void aPromptNameThatIsNoFileNameIsRefused() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                greeting: ../welcome
                menu: {prompt: menu, options: {"0": {action: agent}}}
                """)))
                .isEqualTo(file + ":8:17: " + IVR + ".greeting: '../welcome' — not a prompt name: lower-case"
                        + " letters, digits and '-' (the file is <name>.wav)");
    }

    @Test
    void anAnnouncementNameIsCheckedLikeEveryPromptName() {
        assertThat(errorFor(menu("""
                "1": {queue: "sip:banking@127.0.0.1:5070", announcement: Banking Recorded}
                """)))
                .isEqualTo(file + ":12:68: " + IVR + ".menu.options.1.announcement: 'Banking Recorded' — not a"
                        + " prompt name: lower-case letters, digits and '-' (the file is <name>.wav)");
    }

    @Test
    void aZeroNoInputIsRefused() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                greeting: welcome
                no-input: 0s
                menu: {prompt: menu, options: {"0": {action: agent}}}
                """))).isEqualTo(file + ":9:17: " + IVR + ".no-input: '0s' — must be longer than 0");
    }

    @Test
    void aNoInputWithoutUnitIsRefusedRatherThanGuessed() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                no-input: 5
                """)))
                .isEqualTo(file + ":8:17: " + IVR + ".no-input: 5 — expected a duration such as 30s, 500ms, 5m");
    }

    @Test
    void moreThanNineRetriesAreRefused() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                greeting: welcome
                retries: 10
                menu: {prompt: menu, options: {"0": {action: agent}}}
                """))).isEqualTo(file + ":9:16: " + IVR + ".retries: 10 — out of range 0..9");
    }

    @Test
    void negativeRetriesAreRefused() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                greeting: welcome
                retries: -1
                menu: {prompt: menu, options: {"0": {action: agent}}}
                """))).isEqualTo(file + ":9:16: " + IVR + ".retries: -1 — out of range 0..9");
    }

    @Test
    void anUnknownOptionKeyIsNamedWithTheKeysAllowedThere() {
        assertThat(errorFor(menu("""
                "1": {queue: "sip:banking@127.0.0.1:5070", servce: banking}
                """)))
                .isEqualTo(file + ":12:54: " + IVR + ".menu.options.1.servce: 'banking' — unknown key; allowed:"
                        + " action, announcement, menu, queue, service");
    }

    @Test
    void anUnknownIvrKeyIsNamedWithTheKeysAllowedThere() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                timeout: 5s
                """)))
                .isEqualTo(file + ":8:7: " + IVR + ".timeout: '5s' — unknown key; allowed: greeting, language-prompt,"
                        + " languages, menu, no-input, recording-notice, retries, sms-offer,"
                        + " survey, survey-consent");
    }

    @Test
    void aSurveyWithoutTheConsentQuestionIsRefused() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                greeting: welcome
                menu: {prompt: menu, options: {"0": {action: agent}}}
                survey: {questions: [survey-resolved], thanks: survey-thanks}
                """)))
                .isEqualTo(file + ":10:15: " + IVR + ".survey: {...} — needs survey-consent: only callers who"
                        + " consented at the start of the call hear the survey (R10)");
    }

    @Test
    void aSurveyWithoutQuestionsOrThanksIsRefusedKeyByKey() {
        ConfigException e = exceptionFor(ivr("""
                languages: [nl]
                greeting: welcome
                menu: {prompt: menu, options: {"0": {action: agent}}}
                survey-consent: survey-consent
                survey:
                  questions: []
                """));

        assertThat(e.errors())
                .extracting(ConfigError::toString)
                .containsExactly(
                        file + ":12:9: " + IVR + ".survey.thanks: (none) — required key",
                        file + ":12:20: " + IVR
                                + ".survey.questions: [] — 1 to 5 questions: the caller is asked after the call");
    }

    @Test
    void aSurveyQuestionThatIsNoPromptNameIsRefusedWithItsIndex() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                greeting: welcome
                menu: {prompt: menu, options: {"0": {action: agent}}}
                survey-consent: survey-consent
                survey: {questions: [survey-resolved, Survey Agent], thanks: survey-thanks}
                """)))
                .isEqualTo(file + ":11:45: " + IVR + ".survey.questions[1]: 'Survey Agent' — not a prompt name:"
                        + " lower-case letters, digits and '-' (the file is <name>.wav)");
    }

    @Test
    void optionsGivenAsAListAreRefused() {
        assertThat(errorFor(ivr("""
                languages: [nl]
                greeting: welcome
                menu: {prompt: menu, options: [agent]}
                """)))
                .isEqualTo(file + ":9:37: " + IVR + ".menu.options: [...] — expected a mapping of keys");
    }

    @Test
    void anOptionGivenAsTextIsRefused() {
        assertThat(errorFor(menu("""
                "0": agent
                """)))
                .isEqualTo(file + ":12:16: " + IVR + ".menu.options.0: 'agent' — expected a mapping of keys");
    }

    @Test
    void anEmptyOptionIsRefused() {
        assertThat(errorFor(menu("""
                "0":
                """)))
                .isEqualTo(file + ":12:15: " + IVR + ".menu.options.0: null — empty entry; give a value or remove"
                        + " the entry");
    }

    @Test
    void anEmptyPromptsDirIsRefused() {
        assertThat(errorFor("""
                prompts-dir: ""
                """))
                .isEqualTo(file + ":1:14: prompts-dir: '' — must not be empty; leave the key out for config/prompts");
    }

    @Test
    void everyIvrErrorIsReportedInFileOrder() {
        ConfigException e = exceptionFor(ivr("""
                languages: [nl, nl]
                greeting: welcome
                retries: 12
                menu:
                  prompt: menu
                  options:
                    "1": {queue: "sip:banking@127.0.0.1:5070", action: agent}
                    "0": {action: operator}
                """));

        assertThat(e.errors())
                .extracting(ConfigError::toString)
                .containsExactly(
                        file + ":7:23: " + IVR + ".languages[1]: 'nl' — listed twice",
                        file + ":9:16: " + IVR + ".retries: 12 — out of range 0..9",
                        file + ":13:16: " + IVR
                                + ".menu.options.1: {...} — has queue and action; give exactly one of queue, menu,"
                                + " action",
                        file + ":14:25: " + IVR
                                + ".menu.options.0.action: 'operator' — not an action; allowed: agent, repeat");
    }

    /** A line whose ivr has languages, greeting and a menu with the given options (first on line 12, column 11). */
    private static String menu(String options) {
        return ivr("""
                languages: [nl]
                greeting: welcome
                menu:
                  prompt: menu
                  options:
                """ + options.indent(4));
    }

    private static String withLanguages(String languages) {
        return ivr("""
                languages: %s
                greeting: welcome
                menu: {prompt: menu, options: {"0": {action: agent}}}
                """.formatted(languages));
    }

    private static String ivr(String section) {
        return LINE + section.indent(6);
    }

    private ConfigException exceptionFor(String yaml) {
        file = dir.resolve("callgate.yaml");
        return BadConfig.refused(dir, yaml);
    }

    private String errorFor(String yaml) {
        return exceptionFor(yaml).getMessage();
    }
}
