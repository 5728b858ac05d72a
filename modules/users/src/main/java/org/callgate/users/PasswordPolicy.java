package org.callgate.users;

import java.nio.CharBuffer;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, and not built around the user
 * name (compared without case). Length beats composition rules for strength, so none are added.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    /** Argon2 takes any length; past this a password is a mistake (a pasted file), not a secret. */
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {}

    /** Why {@code password} is refused for {@code name}, or empty when it is acceptable. */
    public static Optional<String> problem(String name, char[] password) {
        if (password.length < MIN_LENGTH) {
            return Optional.of("the password is too short: at least " + MIN_LENGTH + " characters");
        }
        if (password.length > MAX_LENGTH) {
            return Optional.of("the password is too long: at most " + MAX_LENGTH + " characters");
        }
        String lower = CharBuffer.wrap(password).toString().toLowerCase(Locale.ROOT);
        if (lower.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("the password must not contain the user name");
        }
        return Optional.empty();
    }
}
