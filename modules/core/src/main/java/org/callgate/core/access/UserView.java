package org.callgate.core.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A user as admins see them: never the password or its hash.
 *
 * @param roles role labels ({@code agent}, {@code supervisor}, {@code compliance}, {@code admin})
 * @param services the services of a supervisor or an agent
 */
public record UserView(
        String name, Set<String> roles, Set<String> services, boolean disabled, Instant created, Instant changed) {

    public UserView {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        services = Set.copyOf(services);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(changed, "changed");
    }
}
