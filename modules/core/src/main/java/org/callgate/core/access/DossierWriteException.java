package org.callgate.core.access;

import java.util.Objects;

/** Why a dossier write was refused: the web API answers 404, 409 or 422 with the reason. */
public final class DossierWriteException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kind of refusal. */
    public enum Reason {
        /** No dossier with that number. */
        NOT_FOUND,
        /** The version edited is no longer the latest. */
        CONFLICT,
        /** A value breaks a rule: a bad telephone number, IBAN or e-mail address, a blank name. */
        INVALID
    }

    private final Reason reason;
    private final String field;

    /**
     * @param field the draft's field at fault ({@code phones}, {@code iban}), or null
     * @param message for the agent; names the value at fault, never another person's data
     */
    public DossierWriteException(Reason reason, String field, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }
}
