package org.callgate.app;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.callgate.audit.AuditActions;
import org.callgate.audit.AuditLog;
import org.callgate.core.access.Account;
import org.callgate.core.access.Accounts;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Authentication;
import org.callgate.core.access.Capability;
import org.callgate.core.access.DossierLookup;
import org.callgate.core.access.OpenedDossier;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.records.Dossiers;
import org.callgate.store.StoreException;
import org.callgate.users.LoginThrottle;
import org.callgate.users.Role;
import org.callgate.users.User;
import org.callgate.users.UserStore;

/**
 * The web API's view of callgate: the core access SPIs over the user file and its login throttle,
 * the audit log and the dossiers.
 */
final class WebAccess {

    private WebAccess() {}

    /** Logins against the user file, throttled per name and per address (docs/security.md). */
    static Accounts accounts(UserStore users, LoginThrottle throttle) {
        return (name, password, address) -> {
            Optional<java.time.Duration> locked = throttle.lockedFor(name, address);
            if (locked.isPresent()) {
                return new Authentication.Throttled(locked.get());
            }
            Optional<User> user = users.authenticate(name, password);
            if (user.isEmpty()) {
                throttle.recordFailure(name, address);
                return new Authentication.Refused();
            }
            throttle.recordSuccess(name);
            return new Authentication.Granted(account(user.get()));
        };
    }

    /** The users module's capabilities, named alike in core; {@code Role} stays the one table. */
    static Account account(User user) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (Role role : user.roles()) {
            role.capabilities().forEach(c -> capabilities.add(Capability.valueOf(c.name())));
        }
        Set<String> roles = user.roles().stream().map(Role::label).collect(Collectors.toSet());
        return new Account(user.name(), roles, capabilities, user.services());
    }

    /** Appends to the audit log; a dossier number goes in hashed ({@link AuditActions#hashedId}). */
    static AuditTrail auditTrail(AuditLog log) {
        return (action, actor, details) -> {
            Map<String, Object> entry = new LinkedHashMap<>(details);
            entry.computeIfPresent(AuditTrail.DOSSIER, (key, number) -> AuditActions.hashedId((String) number));
            log.append(action, actor, entry);
        };
    }

    static DossierLookup dossiers(Dossiers dossiers) {
        return new DossierLookup() {
            @Override
            public SearchPage search(SearchQuery query) {
                return dossiers.search(query);
            }

            @Override
            public Optional<OpenedDossier> open(String number) throws IOException {
                try {
                    return dossiers.open(number).map(view -> new OpenedDossier(view.dossier(), view.history()));
                } catch (StoreException e) {
                    throw new IOException("cannot read dossier from the store: " + e.getMessage(), e);
                }
            }
        };
    }

    /** The capability names of both modules, for the test that keeps them equal. */
    static Set<String> usersCapabilityNames() {
        return Arrays.stream(org.callgate.users.Capability.values())
                .map(Enum::name)
                .collect(Collectors.toSet());
    }
}
