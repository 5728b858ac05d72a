package org.callgate.core.ivr;

import java.util.Objects;

/**
 * The SMS link offered to mobile callers (R9): after the main menu they hear {@code prompt}
 * ("press 9 to receive a text message with a link"); pressing {@code key} sends {@code text},
 * plays {@code sentPrompt} and ends the call.
 */
public record SmsOffer(char key, String prompt, String sentPrompt, String text) {

    public SmsOffer {
        if (!Dtmf.isSymbol(key)) {
            throw new IllegalArgumentException("SMS offer key '" + key + "' is not a DTMF key");
        }
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(sentPrompt, "sentPrompt");
        Objects.requireNonNull(text, "text");
    }
}
