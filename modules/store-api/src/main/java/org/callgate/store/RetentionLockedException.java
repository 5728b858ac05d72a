package org.callgate.store;

/** The object's retention or legal hold forbids the operation (R7, R8, R19). */
public class RetentionLockedException extends StoreException {

    private static final long serialVersionUID = 1L;

    public RetentionLockedException(String message) {
        super(message);
    }

    public RetentionLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
