package org.callgate.store;

/** The store cannot be reached or failed for now; the same request may succeed later, so callers retry with back-off. */
public class StoreUnavailableException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
