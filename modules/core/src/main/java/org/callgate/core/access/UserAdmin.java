package org.callgate.core.access;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Managing the users who may log in, for the admins' web API: the same rules as the {@code user}
 * command (password policy, roles, a supervisor's services). Users are disabled, never deleted, so
 * the audit log's names keep meaning something.
 */
public interface UserAdmin {

    /** Every user, by name; never a password or its hash. */
    List<UserView> list() throws IOException;

    /**
     * Adds a user.
     *
     * @param password cleared by the caller afterwards
     * @throws UserAdminException {@code EXISTS} for a name taken, {@code INVALID} for a weak
     *     password, an unknown role, a bad name or services the roles do not allow
     */
    UserView add(String name, Set<String> roles, Set<String> services, char[] password)
            throws UserAdminException, IOException;

    /**
     * Disables the user: they can no longer log in (the web API also ends their open sessions);
     * empty when unknown.
     */
    Optional<UserView> disable(String name) throws IOException;

    /** Enables the user again, or empty when unknown. */
    Optional<UserView> enable(String name) throws IOException;
}
