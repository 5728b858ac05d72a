package org.callgate.store;

/** There is no object under the key. */
public class ObjectNotFoundException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ObjectNotFoundException(String message) {
        super(message);
    }

    public ObjectNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
