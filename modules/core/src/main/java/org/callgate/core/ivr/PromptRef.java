package org.callgate.core.ivr;

import java.util.Objects;

/** A prompt in a language: {@code config/prompts/<language>/<name>.wav}. */
public record PromptRef(String language, String name) {

    public PromptRef {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(name, "name");
    }
}
