package org.callgate.core.access;

import java.util.Objects;
import java.util.Set;

/**
 * A user who has logged in, as the web API sees them: never a password or its hash.
 *
 * @param name the login name
 * @param roles the role names ({@code agent}, {@code supervisor}, {@code compliance}, {@code admin})
 * @param capabilities what any of the roles allows
 * @param services the services a supervisor supervises, or whose calls an agent's live panel shows
 *     (R15; none: all calls); empty for other roles
 */
public record Account(String name, Set<String> roles, Set<Capability> capabilities, Set<String> services) {

    public Account {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        capabilities = Set.copyOf(capabilities);
        services = Set.copyOf(services);
    }

    public boolean may(Capability capability) {
        return capabilities.contains(capability);
    }

    /**
     * Whether this account may hear a recording of {@code service}: banking recordings need {@link
     * Capability#BANKING_RECORDINGS} (R8), others {@link Capability#SAMPLED_RECORDINGS} and a
     * service this account supervises (R6, R14); as the users module's {@code User.mayHear}.
     */
    public boolean mayHear(String service, boolean banking) {
        if (banking) {
            return may(Capability.BANKING_RECORDINGS);
        }
        return may(Capability.SAMPLED_RECORDINGS) && services.contains(service);
    }
}
