package org.callgate.core.access;

import java.time.Duration;
import java.util.Objects;

/** The answer to a login: granted with the account, refused, or refused for now (throttled). */
public sealed interface Authentication {

    /** Name and password match an enabled user. */
    record Granted(Account account) implements Authentication {
        public Granted {
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * Unknown name, wrong password or disabled user: deliberately one answer, so that a client cannot
     * tell which names exist.
     */
    record Refused() implements Authentication {}

    /** Too many failures for this name or this address: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements Authentication {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
