package org.callgate.core.health;

import java.util.Objects;

/**
 * The result of one {@link HealthCheck}: up, or down with a reason an operator can act on.
 *
 * @param healthy whether the component can serve
 * @param reason why it cannot, such as "store root var/store is not readable"; empty when up
 */
public record Health(boolean healthy, String reason) {

    private static final Health UP = new Health(true, "");

    public Health {
        Objects.requireNonNull(reason, "reason");
    }

    /** The component serves. */
    public static Health up() {
        return UP;
    }

    /** The component cannot serve, for the given reason (no secrets, no personal data: it is public). */
    public static Health down(String reason) {
        return new Health(false, reason);
    }
}
