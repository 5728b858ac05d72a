package org.callgate.core.ivr;

import java.util.Objects;

/**
 * How the caller left the IVR: where to, in which language, and why. Kept with the call trace
 * (R1: the IVR path is part of the information given to process the call).
 *
 * @param queueUri the queue chosen
 * @param service the service the call belongs to from now on, null for the line's own
 * @param language the language chosen or defaulted
 * @param path keys pressed in the menus, e.g. {@code "1"} or {@code "3>2"}
 * @param reason why the IVR ended
 */
public record IvrOutcome(String queueUri, String service, String language, String path, Reason reason) {

    public IvrOutcome {
        Objects.requireNonNull(queueUri, "queueUri");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** Why the IVR ended. Every path ends at a person (R15). */
    public enum Reason {
        /** The caller chose a queue in a menu. */
        CHOICE,
        /** The caller asked for an agent. */
        AGENT_REQUESTED,
        /** No key was pressed in time, retries exhausted. */
        NO_INPUT,
        /** Keys that are no option, retries exhausted. */
        INVALID_INPUT,
        /** The caller's number is on file: straight to the dossier's queue (R15). */
        KNOWN_CALLER
    }
}
