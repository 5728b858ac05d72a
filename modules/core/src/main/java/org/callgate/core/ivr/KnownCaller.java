package org.callgate.core.ivr;

import java.util.Objects;

/**
 * A caller whose number is on file with a dossier (R2, R15).
 *
 * @param dossier the dossier number, passed to the agent side
 * @param language the language the caller used before, or null
 * @param queueUri the queue handling the dossier, or null to let the caller choose in the menu
 */
public record KnownCaller(String dossier, String language, String queueUri) {

    public KnownCaller {
        Objects.requireNonNull(dossier, "dossier");
    }
}
