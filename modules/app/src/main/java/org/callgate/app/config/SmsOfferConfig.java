package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.callgate.core.ivr.SmsOffer;

/**
 * The {@code sms-offer:} of an IVR (R9): mobile callers hear {@code prompt} after the main menu;
 * pressing {@code key} sends {@code text} (with its link), plays {@code sent-prompt} and ends the
 * call. Components are null when the file leaves them out; {@link IvrRules} rejects that.
 */
public record SmsOfferConfig(String key, String prompt, String sentPrompt, String text) {

    @JsonCreator
    static SmsOfferConfig fromYaml(
            @JsonProperty("key") String key,
            @JsonProperty("prompt") String prompt,
            @JsonProperty("sent-prompt") String sentPrompt,
            @JsonProperty("text") String text) {
        return new SmsOfferConfig(key, prompt, sentPrompt, text);
    }

    SmsOffer toSmsOffer() {
        return new SmsOffer(key.charAt(0), prompt, sentPrompt, text);
    }
}
