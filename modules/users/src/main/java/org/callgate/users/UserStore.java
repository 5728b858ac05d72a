package org.callgate.users;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of one callgate, kept in a file ({@code users.json} beside the spool by default): add,
 * change a password, disable, enable, list, and {@link #authenticate(String, char[])} for the web
 * login. Every call reads the file afresh, so a change made on the command line counts at once in a
 * running server; every change rewrites it atomically and owner-only ({@link UserFile}).
 *
 * <p>Methods of one instance are serialized; two processes changing the file at the same instant
 * may lose one change (the last rename wins), never tear the file.
 */
public final class UserStore {

    /** The file's name when its place is derived from the spool. */
    public static final String FILE_NAME = "users.json";

    private static final Logger LOG = LoggerFactory.getLogger(UserStore.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final char[] DUMMY_PASSWORD = "not-a-password-of-anyone".toCharArray();

    private final UserFile file;
    private final Clock clock;
    private final PasswordHasher hasher;
    private volatile String dummyHash;

    public UserStore(Path file, Clock clock) {
        this(file, clock, PasswordHasher.recommended(), () -> {});
    }

    /** With a hook that runs between writing the new version and replacing the old one (crash tests). */
    UserStore(Path file, Clock clock, PasswordHasher hasher, Runnable beforeReplace) {
        this.file = new UserFile(file, beforeReplace);
        this.clock = clock;
        this.hasher = hasher;
    }

    public Path file() {
        return file.path();
    }

    /** Adds a user; a supervisor needs at least one service, other roles take none. */
    public synchronized User add(String name, Set<Role> roles, Set<String> services, char[] password)
            throws UserException {
        String key = validName(name);
        checkRolesAndServices(roles, services);
        checkPassword(key, password);
        List<User> users = new ArrayList<>(file.read());
        if (users.stream().anyMatch(user -> user.name().equals(key))) {
            throw new UserException("user " + key + " exists already");
        }
        Instant now = clock.instant();
        User user = new User(key, roles, services, hasher.hash(password), false, now, now);
        users.add(user);
        file.write(users);
        LOG.info("user {} added with roles {} and services {}", key, roles, services);
        return user;
    }

    public synchronized User changePassword(String name, char[] password) throws UserException {
        String key = normalized(name);
        checkPassword(key, password);
        String hash = hasher.hash(password);
        return update(key, user -> user.withPassword(hash, clock.instant()), "password changed");
    }

    public synchronized User disable(String name) throws UserException {
        return update(normalized(name), user -> user.withDisabled(true, clock.instant()), "disabled");
    }

    public synchronized User enable(String name) throws UserException {
        return update(normalized(name), user -> user.withDisabled(false, clock.instant()), "enabled");
    }

    /** Every user, by name. */
    public List<User> list() {
        return file.read().stream().sorted(Comparator.comparing(User::name)).toList();
    }

    public Optional<User> find(String name) {
        String key = normalized(name);
        return file.read().stream().filter(user -> user.name().equals(key)).findFirst();
    }

    /**
     * The user whose name and password these are, if enabled; empty otherwise. An unknown name costs
     * one hash verification as a known one does, so the answer's timing does not tell whether a name
     * exists; a disabled user's password is verified too, then refused.
     */
    public Optional<User> authenticate(String name, char[] password) {
        Optional<User> found = name == null ? Optional.empty() : find(name);
        boolean usable = password != null && password.length <= PasswordPolicy.MAX_LENGTH;
        char[] candidate = usable ? password : DUMMY_PASSWORD;
        String hash = found.map(User::passwordHash).orElseGet(this::dummyHash);
        boolean matches = hasher.matches(candidate, hash);
        return found.filter(user -> usable && matches && !user.disabled());
    }

    private User update(String key, UnaryOperator<User> change, String what) throws UserException {
        List<User> users = new ArrayList<>(file.read());
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).name().equals(key)) {
                User changed = change.apply(users.get(i));
                users.set(i, changed);
                file.write(users);
                LOG.info("user {} {}", key, what);
                return changed;
            }
        }
        throw new UserException("no user " + key);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(DUMMY_PASSWORD);
            dummyHash = hash;
        }
        return hash;
    }

    private static String normalized(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String validName(String name) throws UserException {
        String key = normalized(name);
        if (!NAME.matcher(key).matches()) {
            throw new UserException("bad user name '" + name
                    + "': 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        return key;
    }

    private static void checkRolesAndServices(Set<Role> roles, Set<String> services) throws UserException {
        if (roles.isEmpty()) {
            throw new UserException("a user needs at least one role: " + Role.labels());
        }
        for (String service : services) {
            if (!SERVICE.matcher(service).matches()) {
                throw new UserException("bad service id '" + service + "': a-z, 0-9 and '-', as in the configuration");
            }
        }
        boolean supervisor = roles.contains(Role.SUPERVISOR);
        if (supervisor && services.isEmpty()) {
            throw new UserException("a supervisor needs the services they supervise (--service)");
        }
        if (!supervisor && !roles.contains(Role.AGENT) && !services.isEmpty()) {
            throw new UserException(
                    "only a supervisor or an agent has services; add --role supervisor or agent, or leave out --service");
        }
    }

    private static void checkPassword(String key, char[] password) throws UserException {
        Optional<String> problem = PasswordPolicy.problem(key, password);
        if (problem.isPresent()) {
            throw new UserException(problem.get());
        }
    }
}
