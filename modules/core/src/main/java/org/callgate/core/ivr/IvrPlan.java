package org.callgate.core.ivr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The IVR of one service line, from configuration: which languages are offered, what is said,
 * and the menu tree. The Belgian lines ask Dutch or French first and offer English (R15: the
 * caller picks the language before anything else is asked).
 *
 * @param languages offered languages in key order: the first is key 1 and the default
 * @param languagePrompt prompt asking for the language, played once per offered language
 * @param greeting prompt greeting the caller, in the chosen language
 * @param recordingNotice prompt telling the caller calls may be recorded (R7), or null
 * @param menu the main menu
 * @param noInput how long to wait for a key after a prompt ends
 * @param retries wrong or missing keys allowed per menu before the caller goes to an agent (R15)
 * @param defaultQueue where "agent", no input and exhausted retries lead
 * @param smsOffer the SMS link offered to mobile callers after the main menu (R9), or null
 * @param surveyConsent prompt asking, at the start of the call, whether the caller agrees to a
 *     survey (R10: key 1 yes, 2 no), or null when the line asks no consent
 * @param survey the questions played after the agent hung up to callers who consented (R10), or
 *     null when the line has no survey
 */
public record IvrPlan(
        List<String> languages,
        String languagePrompt,
        String greeting,
        String recordingNotice,
        Menu menu,
        Duration noInput,
        int retries,
        String defaultQueue,
        SmsOffer smsOffer,
        String surveyConsent,
        SurveyPlan survey) {

    /** A plan without SMS offer and survey. */
    public IvrPlan(
            List<String> languages,
            String languagePrompt,
            String greeting,
            String recordingNotice,
            Menu menu,
            Duration noInput,
            int retries,
            String defaultQueue) {
        this(languages, languagePrompt, greeting, recordingNotice, menu, noInput, retries, defaultQueue, null, null);
    }

    /** A plan without post-call survey. */
    public IvrPlan(
            List<String> languages,
            String languagePrompt,
            String greeting,
            String recordingNotice,
            Menu menu,
            Duration noInput,
            int retries,
            String defaultQueue,
            SmsOffer smsOffer,
            String surveyConsent) {
        this(
                languages,
                languagePrompt,
                greeting,
                recordingNotice,
                menu,
                noInput,
                retries,
                defaultQueue,
                smsOffer,
                surveyConsent,
                null);
    }

    public IvrPlan {
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("an IVR needs at least one language");
        }
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(menu, "menu");
        Objects.requireNonNull(noInput, "noInput");
        Objects.requireNonNull(defaultQueue, "defaultQueue");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        if (survey != null && surveyConsent == null) {
            throw new IllegalArgumentException("a survey needs the consent question (R10)");
        }
    }

    /** Every prompt the plan can play, so all can be loaded (and checked) before the first call. */
    public Set<String> promptNames() {
        Set<String> names = new TreeSet<>();
        if (asksLanguage()) {
            names.add(languagePrompt);
        }
        names.add(greeting);
        if (recordingNotice != null) {
            names.add(recordingNotice);
        }
        collect(menu, names);
        if (smsOffer != null) {
            names.add(smsOffer.prompt());
            names.add(smsOffer.sentPrompt());
        }
        if (surveyConsent != null) {
            names.add(surveyConsent);
        }
        if (survey != null) {
            names.addAll(survey.questions());
            names.add(survey.thanks());
        }
        return names;
    }

    private static void collect(Menu menu, Set<String> names) {
        names.add(menu.prompt());
        for (MenuAction action : menu.options().values()) {
            switch (action) {
                case MenuAction.Queue queue when queue.announcement() != null -> names.add(queue.announcement());
                case MenuAction.Submenu sub -> collect(sub.menu(), names);
                default -> {}
            }
        }
    }

    /** Whether the caller is asked for a language at all. */
    public boolean asksLanguage() {
        return languages.size() > 1 && languagePrompt != null;
    }
}
