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
 */
public record Route(String queueUri, String service, String language, String ivrPath, IvrOutcome.Reason reason) {

    public Route {
        Objects.requireNonNull(queueUri, "queueUri");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(ivrPath, "ivrPath");
        Objects.requireNonNull(reason, "reason");
    }
}
