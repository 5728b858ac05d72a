package org.callgate.store;

/** The key already holds an object: objects are written once. */
public class ObjectExistsException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ObjectExistsException(String message) {
        super(message);
    }

    public ObjectExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
