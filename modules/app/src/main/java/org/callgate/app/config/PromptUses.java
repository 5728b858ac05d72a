package org.callgate.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every prompt an IVR names, with the key that names it: the language prompt, greeting,
 * recording notice (R7), each menu's prompt and each announcement (R8), submenus included, the
 * SMS offer's (R9), the survey consent question, the survey's questions and its thanks (R10).
 *
 * <p>One walk serves both the name rule ({@link IvrRules}) and the file check
 * ({@link PromptFiles}), so no prompt can be named without being checked on disk.
 */
final class PromptUses {

    /**
     * A prompt named in the file.
     *
     * @param path key path of the name ({@code service-lines[0].ivr.menu.options.1.announcement})
     * @param name the prompt's name
     */
    record Use(String path, String name) {}

    private final List<Use> uses = new ArrayList<>();

    private PromptUses() {}

    /** The prompts {@code ivr}, at key path {@code ivrPath}, names, in file order; absent ones left out. */
    static List<Use> of(String ivrPath, IvrConfig ivr) {
        PromptUses found = new PromptUses();
        found.add(KeyPaths.child(ivrPath, "language-prompt"), ivr.languagePrompt());
        found.add(KeyPaths.child(ivrPath, "greeting"), ivr.greeting());
        found.add(KeyPaths.child(ivrPath, "recording-notice"), ivr.recordingNotice());
        found.menu(KeyPaths.child(ivrPath, "menu"), ivr.menu());
        if (ivr.smsOffer() != null) {
            found.add(
                    KeyPaths.child(KeyPaths.child(ivrPath, "sms-offer"), "prompt"),
                    ivr.smsOffer().prompt());
            found.add(
                    KeyPaths.child(KeyPaths.child(ivrPath, "sms-offer"), "sent-prompt"),
                    ivr.smsOffer().sentPrompt());
        }
        found.add(KeyPaths.child(ivrPath, "survey-consent"), ivr.surveyConsent());
        found.survey(KeyPaths.child(ivrPath, "survey"), ivr.survey());
        return List.copyOf(found.uses);
    }

    private void menu(String path, MenuConfig menu) {
        if (menu == null) {
            return;
        }
        add(KeyPaths.child(path, "prompt"), menu.prompt());
        for (Map.Entry<String, MenuOptionConfig> option : menu.options().entrySet()) {
            String optionPath = KeyPaths.child(KeyPaths.child(path, "options"), option.getKey());
            add(KeyPaths.child(optionPath, "announcement"), option.getValue().announcement());
            menu(KeyPaths.child(optionPath, "menu"), option.getValue().menu());
        }
    }

    private void survey(String path, SurveyConfig survey) {
        if (survey == null) {
            return;
        }
        if (survey.questions() != null) {
            for (int i = 0; i < survey.questions().size(); i++) {
                add(
                        KeyPaths.index(KeyPaths.child(path, "questions"), i),
                        survey.questions().get(i));
            }
        }
        add(KeyPaths.child(path, "thanks"), survey.thanks());
    }

    private void add(String path, String name) {
        if (name != null) {
            uses.add(new Use(path, name));
        }
    }
}
