package org.callgate.web;

import java.time.Instant;
import java.util.Objects;
import org.callgate.core.access.Account;

/**
 * A logged-in session: the account, its CSRF token, when it began and when it was last used.
 *
 * @param id the cookie value: 256 random bits, base64url
 * @param csrfToken what every non-GET request repeats in {@code X-CSRF-Token}: 256 random bits
 */
record Session(String id, Account account, String csrfToken, Instant created, Instant lastSeen) {

    Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    Session seen(Instant now) {
        return new Session(id, account, csrfToken, created, now);
    }

    /** Everything but the id and token, so that a log line never shows them. */
    @Override
    public String toString() {
        return "Session[" + account.name() + ", created=" + created + ", lastSeen=" + lastSeen + "]";
    }
}
