package org.callgate.core.request;

import java.util.Locale;

/** Where a request stands. Deadlines run for the first two; the last two are final. */
public enum RequestStatus {
    /** Received, identity not yet checked. */
    OPEN,
    /** The requester's identity has been checked (R22): the request may be carried out. */
    VERIFIED,
    /** Answered: carried out as far as the law allows, with what was done and kept. */
    ANSWERED,
    /** Refused, with the reason: identity could not be checked, or the request is unfounded. */
    REFUSED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean closed() {
        return this == ANSWERED || this == REFUSED;
    }
}
