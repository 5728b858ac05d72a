package org.callgate.core.ivr;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One IVR menu: a prompt and what each key does. Keys are DTMF symbols {@code 0-9 * #}
 * (RFC 4733 events 0-11).
 *
 * @param prompt name of the prompt that reads the menu out
 * @param options key → action
 */
public record Menu(String prompt, Map<Character, MenuAction> options) {

    public Menu {
        Objects.requireNonNull(prompt, "prompt");
        options = Map.copyOf(options);
        for (char key : options.keySet()) {
            if (!Dtmf.isSymbol(key)) {
                throw new IllegalArgumentException("menu key '" + key + "' is not a DTMF key (0-9, *, #)");
            }
        }
    }

    public Optional<MenuAction> option(char key) {
        return Optional.ofNullable(options.get(key));
    }
}
