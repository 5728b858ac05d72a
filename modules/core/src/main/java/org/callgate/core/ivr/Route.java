package org.callgate.core.ivr;

import java.util.Objects;

/**
 * Where a call goes after the IVR, and what the agent side is told about it.
 *
 * @param queueUri the agent queue's SIP URI
 * @param service the service the call belongs to: the line's id, or the menu option's service
 *     ({@code banking} for Postinfo, which decides recording and retention, R3/R8)
 * @param language the caller's language
 * @param ivrPath the keys pressed, e.g. {@code 1} or {@code 3>2}; empty when none
 * @param reason why the IVR ended
 * @param dossier the dossier the caller's number identified (R15), or null: sent to the agent
 *     side, and linked to the call's trace and recording
 */
public record Route(
        String queueUri, String service, String language, String ivrPath, IvrOutcome.Reason reason, String dossier) {

    /** A route for a caller without a known dossier. */
    public Route(String queueUri, String service, String language, String ivrPath, IvrOutcome.Reason reason) {
        this(queueUri, service, language, ivrPath, reason, null);
    }

    public Route {
        Objects.requireNonNull(queueUri, "queueUri");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(ivrPath, "ivrPath");
        Objects.requireNonNull(reason, "reason");
    }

    /** The same route for a caller identified with {@code number}. */
    public Route withDossier(String number) {
        return new Route(queueUri, service, language, ivrPath, reason, number);
    }
}
