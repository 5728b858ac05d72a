package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.callgate.core.ivr.IvrPlan;

/**
 * The {@code ivr:} section of a service line: what a caller hears and presses before reaching
 * an agent.
 *
 * <p>The Belgian lines ask for Dutch or French first and offer English, greet the caller, say
 * that calls may be recorded (R7), then read the menu; option 1 of the private line is the
 * banking service, announced in full before routing (R3, R8). No input, wrong input and the
 * {@code agent} action all end at the line's own queue, so the caller can always reach a person
 * (R15). Prompts are named here and found on disk as
 * {@code <prompts-dir>/<language>/<name>.wav}; {@link ConfigLoader#load} checks that every
 * language has every prompt.
 *
 * <p>Components are {@code null} when the file leaves a required key out; the loader rejects
 * that, naming the key, before anyone calls {@link #toPlan(String)}.
 *
 * @param languages offered languages, two-letter codes in key order (key 1 is the first and the
 *     default); required
 * @param languagePrompt prompt asking for the language, played once in each language, or
 *     {@code null} to skip the language menu
 * @param greeting prompt greeting the caller; required
 * @param recordingNotice prompt saying calls may be recorded (R7), or {@code null}
 * @param menu the main menu; required
 * @param noInput how long to wait for a key after a prompt ends
 * @param retries wrong or missing keys allowed per menu before the caller goes to the line's
 *     queue (R15)
 * @param smsOffer the SMS link offered to mobile callers (R9), or {@code null}
 * @param surveyConsent prompt asking for survey consent at the start of the call (R10), or
 *     {@code null}
 * @param survey the questions asked after the agent hangs up to callers who consented (R10), or
 *     {@code null}
 */
public record IvrConfig(
        List<String> languages,
        String languagePrompt,
        String greeting,
        String recordingNotice,
        MenuConfig menu,
        Duration noInput,
        int retries,
        SmsOfferConfig smsOffer,
        String surveyConsent,
        SurveyConfig survey) {

    /** Long enough to find the key on a phone, short enough not to lose the caller. */
    static final Duration DEFAULT_NO_INPUT = Duration.ofSeconds(5);

    static final int DEFAULT_RETRIES = 2;

    public IvrConfig {
        languages = languages == null ? null : List.copyOf(languages);
        Objects.requireNonNull(noInput, "noInput");
    }

    /** An IVR without SMS offer and survey. */
    public IvrConfig(
            List<String> languages,
            String languagePrompt,
            String greeting,
            String recordingNotice,
            MenuConfig menu,
            Duration noInput,
            int retries) {
        this(languages, languagePrompt, greeting, recordingNotice, menu, noInput, retries, null, null, null);
    }

    /** Binds the YAML keys; {@code no-input} and {@code retries} left out take their defaults. */
    @JsonCreator
    static IvrConfig fromYaml(
            @JsonProperty("languages") List<String> languages,
            @JsonProperty("language-prompt") String languagePrompt,
            @JsonProperty("greeting") String greeting,
            @JsonProperty("recording-notice") String recordingNotice,
            @JsonProperty("menu") MenuConfig menu,
            @JsonProperty("no-input") Duration noInput,
            @JsonProperty("retries") Integer retries,
            @JsonProperty("sms-offer") SmsOfferConfig smsOffer,
            @JsonProperty("survey-consent") String surveyConsent,
            @JsonProperty("survey") SurveyConfig survey) {
        return new IvrConfig(
                languages,
                languagePrompt,
                greeting,
                recordingNotice,
                menu,
                Objects.requireNonNullElse(noInput, DEFAULT_NO_INPUT),
                Objects.requireNonNullElse(retries, DEFAULT_RETRIES),
                smsOffer,
                surveyConsent,
                survey);
    }

    /**
     * The core view of this IVR.
     *
     * @param defaultQueue the line's queue: where {@code agent}, no input and exhausted retries
     *     lead (R15)
     * @throws IllegalArgumentException or {@link NullPointerException} when the section was not
     *     validated by {@link ConfigLoader}
     */
    public IvrPlan toPlan(String defaultQueue) {
        return new IvrPlan(
                languages,
                languagePrompt,
                greeting,
                recordingNotice,
                menu.toMenu(),
                noInput,
                retries,
                defaultQueue,
                smsOffer == null ? null : smsOffer.toSmsOffer(),
                surveyConsent,
                survey == null ? null : survey.toPlan(noInput));
    }
}
