package org.callgate.core.access;

import java.util.Objects;

/** Why a user could not be added: the web API answers 409 or 422 with the message. */
public final class UserAdminException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kind of refusal. */
    public enum Reason {
        /** A user with that name exists. */
        EXISTS,
        /** A rule is broken: the password policy, a role, a name, services. */
        INVALID
    }

    private final Reason reason;

    /** @param message for the admin; never the password */
    public UserAdminException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
