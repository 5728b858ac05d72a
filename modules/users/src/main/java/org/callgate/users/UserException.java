package org.callgate.users;

/**
 * A request the user store refuses: a name taken or unknown, a weak password, a role without the
 * services it needs. The message is one line for the person who asked, without the password.
 */
public class UserException extends Exception {

    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }
}
