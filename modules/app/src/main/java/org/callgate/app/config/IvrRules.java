package org.callgate.app.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.callgate.core.ivr.Dtmf;

/**
 * The rules for a service line's {@code ivr}: languages a caller can pick with one key, prompt
 * names that map to one file each, timing that keeps the caller moving, and menus that lead to
 * agents ({@link MenuRules}). A caller who presses nothing or the wrong key still reaches the
 * line's queue (R15), so {@code retries} is bounded and {@code no-input} is never zero.
 */
final class IvrRules {

    /** ISO 639-1: the language directory under {@code prompts-dir} and the X-Callgate-Language value. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    /** One file name, {@code <name>.wav}, never a path. */
    private static final Pattern PROMPT = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Keys 1 to 9 choose a language. */
    private static final int MAX_LANGUAGES = 9;

    private static final int MAX_RETRIES = 9;
    /** A post-call survey is a few short questions (R10); callers hang up on long ones. */
    private static final int MAX_QUESTIONS = 5;

    private IvrRules() {}

    /** Checks {@code ivr}, found at key path {@code path}. */
    static void check(String path, IvrConfig ivr, Problems problems) {
        languages(KeyPaths.child(path, "languages"), ivr.languages(), problems);
        problems.present(KeyPaths.child(path, "greeting"), ivr.greeting());
        if (problems.present(KeyPaths.child(path, "menu"), ivr.menu())) {
            MenuRules.check(KeyPaths.child(path, "menu"), ivr.menu(), problems);
        }
        Duration noInput = ivr.noInput();
        problems.require(noInput.isPositive(), KeyPaths.child(path, "no-input"), noInput, "must be longer than 0");
        problems.require(
                ivr.retries() >= 0 && ivr.retries() <= MAX_RETRIES,
                KeyPaths.child(path, "retries"),
                ivr.retries(),
                "out of range 0.." + MAX_RETRIES);
        if (ivr.smsOffer() != null) {
            smsOffer(KeyPaths.child(path, "sms-offer"), ivr, problems);
        }
        if (ivr.survey() != null) {
            survey(KeyPaths.child(path, "survey"), ivr, problems);
        }
        for (PromptUses.Use use : PromptUses.of(path, ivr)) {
            problems.require(
                    PROMPT.matcher(use.name()).matches(),
                    use.path(),
                    use.name(),
                    "not a prompt name: lower-case letters, digits and '-' (the file is <name>.wav)");
        }
    }

    /** R9: a key of its own, both prompts, and a text with the link. */
    private static void smsOffer(String path, IvrConfig ivr, Problems problems) {
        SmsOfferConfig offer = ivr.smsOffer();
        String key = KeyPaths.child(path, "key");
        if (problems.present(key, offer.key())
                && problems.require(
                        offer.key().length() == 1 && Dtmf.isSymbol(offer.key().charAt(0)),
                        key,
                        offer.key(),
                        "not a DTMF key: one of 0-9, * or #")
                && ivr.menu() != null
                && ivr.menu().options() != null) {
            problems.require(
                    !ivr.menu().options().containsKey(offer.key()),
                    key,
                    offer.key(),
                    "already an option of the main menu");
        }
        problems.present(KeyPaths.child(path, "prompt"), offer.prompt());
        problems.present(KeyPaths.child(path, "sent-prompt"), offer.sentPrompt());
        String text = KeyPaths.child(path, "text");
        if (problems.present(text, offer.text())) {
            problems.require(
                    offer.text().contains("https://") || offer.text().contains("http://"),
                    text,
                    offer.text(),
                    "the text must carry the link (http:// or https://)");
        }
    }

    /** R10: only callers who consented hear the survey, so it needs the consent question. */
    private static void survey(String path, IvrConfig ivr, Problems problems) {
        SurveyConfig survey = ivr.survey();
        problems.require(
                ivr.surveyConsent() != null,
                path,
                survey,
                "needs survey-consent: only callers who consented at the start of the call hear the survey (R10)");
        String questions = KeyPaths.child(path, "questions");
        if (problems.present(questions, survey.questions())) {
            problems.require(
                    !survey.questions().isEmpty() && survey.questions().size() <= MAX_QUESTIONS,
                    questions,
                    survey.questions(),
                    "1 to " + MAX_QUESTIONS + " questions: the caller is asked after the call");
            for (int i = 0; i < survey.questions().size(); i++) {
                problems.present(
                        KeyPaths.index(questions, i), survey.questions().get(i));
            }
        }
        problems.present(KeyPaths.child(path, "thanks"), survey.thanks());
    }

    private static void languages(String path, List<String> languages, Problems problems) {
        if (!problems.present(path, languages)
                || !problems.require(!languages.isEmpty(), path, languages, "at least one language is needed")) {
            return;
        }
        problems.require(
                languages.size() <= MAX_LANGUAGES,
                path,
                languages,
                "at most " + MAX_LANGUAGES + " languages: keys 1 to " + MAX_LANGUAGES + " choose one");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < languages.size(); i++) {
            String language = languages.get(i);
            String key = KeyPaths.index(path, i);
            if (problems.require(
                    LANGUAGE.matcher(language).matches(),
                    key,
                    language,
                    "not a language code: two lower-case letters such as nl, fr, en (ISO 639-1)")) {
                problems.require(seen.add(language), key, language, "listed twice");
            }
        }
    }
}
