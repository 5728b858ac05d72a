package org.callgate.store;

/**
 * A store operation failed. Subclasses say why; a plain {@code StoreException} is a permanent
 * failure of that request (bad range, rejected attributes, corrupt object).
 */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
