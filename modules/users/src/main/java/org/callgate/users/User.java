package org.callgate.users;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.callgate.core.access.Capability;

/**
 * One user of the user file.
 *
 * @param name the login name: lower case letters, digits, '.', '_' and '-'
 * @param roles one or more roles; the user may do what any of them may
 * @param services the services a supervisor supervises, or an agent's queues serve (service-line
 *     or menu-option ids; an agent's live call panel shows their calls only, R15); empty for other
 *     roles
 * @param passwordHash the Argon2id hash in PHC string form, never the password
 * @param disabled a disabled user cannot log in; the entry stays for the audit trail
 * @param created when the user was added
 * @param changed when the password, the roles or the disabled flag last changed
 */
public record User(
        String name,
        Set<Role> roles,
        Set<String> services,
        String passwordHash,
        boolean disabled,
        Instant created,
        Instant changed) {

    public User {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        services = Set.copyOf(services);
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(changed, "changed");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role: " + name);
        }
    }

    /** Whether any of the user's roles allows {@code capability}. */
    public boolean may(Capability capability) {
        return roles.stream().anyMatch(role -> role.may(capability));
    }

    /**
     * Whether the user may play a recording of {@code service}: banking recordings need {@link
     * Capability#BANKING_RECORDINGS} (R8), others need {@link Capability#SAMPLED_RECORDINGS} and a
     * service this user supervises (R6, R14). Agents hear none.
     */
    public boolean mayHear(String service, boolean banking) {
        if (banking) {
            return may(Capability.BANKING_RECORDINGS);
        }
        return may(Capability.SAMPLED_RECORDINGS) && services.contains(service);
    }

    User withPassword(String hash, Instant now) {
        return new User(name, roles, services, hash, disabled, created, now);
    }

    User withDisabled(boolean value, Instant now) {
        return new User(name, roles, services, passwordHash, value, created, now);
    }

    /** Everything but the hash, so a log line or a failed assertion never shows it. */
    @Override
    public String toString() {
        return "User[name=" + name + ", roles=" + roles + ", services=" + services + ", disabled=" + disabled
                + ", created=" + created + ", changed=" + changed + "]";
    }
}
