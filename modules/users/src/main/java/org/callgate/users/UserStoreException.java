package org.callgate.users;

/**
 * The user file cannot be read or written: an I/O failure or a file that does not parse. The file
 * on disk is left as it was.
 */
public class UserStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
