package org.callgate.users;

import static org.callgate.core.access.Capability.AUDIT;
import static org.callgate.core.access.Capability.BANKING_RECORDINGS;
import static org.callgate.core.access.Capability.CALLBACKS;
import static org.callgate.core.access.Capability.COMPLETENESS_REPORT;
import static org.callgate.core.access.Capability.CONFIGURATION_READ;
import static org.callgate.core.access.Capability.DOSSIER_READ;
import static org.callgate.core.access.Capability.DOSSIER_WRITE;
import static org.callgate.core.access.Capability.HOLDS;
import static org.callgate.core.access.Capability.REQUESTS;
import static org.callgate.core.access.Capability.REQUEST_LOG;
import static org.callgate.core.access.Capability.SAMPLED_RECORDINGS;
import static org.callgate.core.access.Capability.SEARCH;
import static org.callgate.core.access.Capability.TRACES;
import static org.callgate.core.access.Capability.USERS;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.callgate.core.access.Capability;

/**
 * A role and what it may do (R11, need to know). A user holds one or more roles and may do what any
 * of them may; nothing is allowed that no role names. {@code docs/security.md} shows this table.
 */
public enum Role {
    /** Handles calls: finds the caller, works on the dossier, calls back; hears no recording. */
    AGENT(SEARCH, DOSSIER_READ, DOSSIER_WRITE, TRACES, CALLBACKS, REQUEST_LOG),
    /**
     * Coaches agents (R6) with sampled and quality-control recordings (R7, R14) of the services they
     * supervise only, never banking recordings (R8); see {@link User#mayHear(String, boolean)}.
     */
    SUPERVISOR(SAMPLED_RECORDINGS),
    /**
     * Banking recordings (R8), legal holds (R19), data-subject requests (R12, R20), the audit log
     * and the completeness report.
     */
    COMPLIANCE(BANKING_RECORDINGS, HOLDS, REQUESTS, REQUEST_LOG, AUDIT, COMPLETENESS_REPORT),
    /** Manages users and reads the configuration; sees no personal data. */
    ADMIN(USERS, CONFIGURATION_READ);

    private final Set<Capability> capabilities;

    Role(Capability first, Capability... rest) {
        this.capabilities = Set.copyOf(EnumSet.of(first, rest));
    }

    /** What this role may do. */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    public boolean may(Capability capability) {
        return capabilities.contains(capability);
    }

    /** The role named {@code name} in any case ({@code agent}, {@code Supervisor}), or empty. */
    public static Optional<Role> parse(String name) {
        return Arrays.stream(values())
                .filter(role -> role.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    /** The lower-case name, as the user file, the command line and the docs write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The names accepted by {@link #parse(String)}, for error messages. */
    public static String labels() {
        return Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "));
    }
}
