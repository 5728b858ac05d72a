package org.callgate.users;

import java.nio.CharBuffer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (RFC 9106) through spring-security-crypto, in the PHC string form
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) that carries its own salt and parameters, so
 * hashes made with older parameters still verify after the parameters change.
 *
 * <p>The {@link #recommended()} parameters are OWASP's for Argon2id: 19 MiB of memory, 2 passes,
 * one lane, a 16-byte random salt and a 32-byte hash; about 30 ms a hash on one core.
 */
public final class PasswordHasher {

    private final Argon2PasswordEncoder encoder;

    private PasswordHasher(Argon2PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** The parameters in use for new hashes. */
    public static PasswordHasher recommended() {
        return new PasswordHasher(new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2));
    }

    /** A new hash of {@code password} with a fresh random salt. */
    public String hash(char[] password) {
        return encoder.encode(CharBuffer.wrap(password));
    }

    /** Whether {@code password} is the one {@code hash} was made from; false for a malformed hash. */
    public boolean matches(char[] password, String hash) {
        return encoder.matches(CharBuffer.wrap(password), hash);
    }
}
