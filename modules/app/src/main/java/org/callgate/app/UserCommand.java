package org.callgate.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigCheck;
import org.callgate.app.config.ConfigException;
import org.callgate.app.config.StoreConfig;
import org.callgate.users.PasswordPolicy;
import org.callgate.users.Role;
import org.callgate.users.User;
import org.callgate.users.UserException;
import org.callgate.users.UserStore;
import org.callgate.users.UserStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callgate user add|passwd|disable|enable|list}: the users of the web UI and API (R11), in
 * the user file beside the spool ({@link #file(StoreConfig)}). Passwords are asked on the console
 * without echo, or read from the first line of standard input with {@code --password-stdin}; never
 * taken from the command line, where {@code ps} and the shell history would show them. Bad input
 * ends with one line and exit code {@value #BAD_REQUEST}.
 */
@SuppressForbidden("a command prints its result and errors to the terminal")
@Command(
        name = "user",
        description = "Users of the web UI and API: add, passwd, disable, enable, list.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.Passwd.class,
            UserCommand.Disable.class,
            UserCommand.Enable.class,
            UserCommand.ListUsers.class
        })
final class UserCommand {

    static final int BAD_REQUEST = 2;
    static final int FAILED = 1;

    private UserCommand() {}

    /**
     * The user file: {@code users.json} beside {@code store.spool}, as the audit log and the index
     * are, so that each callgate's local state stays together. There is no {@code users:} section.
     */
    static Path file(StoreConfig store) {
        return store.spool().toAbsolutePath().normalize().resolveSibling(UserStore.FILE_NAME);
    }

    /** What a subcommand does with the loaded configuration and the user store. */
    interface Action {
        int run(CallgateConfig config, UserStore users) throws UserException;
    }

    static int withUsers(ConfigFile config, Action action) {
        CallgateConfig loaded;
        try {
            loaded = Main.loadConfig(config.file);
        } catch (ConfigException e) {
            e.errors().forEach(System.err::println);
            return ConfigCheck.INVALID;
        }
        try {
            return action.run(loaded, new UserStore(file(loaded.store()), Clock.systemUTC()));
        } catch (UserException e) {
            System.err.println("callgate: " + e.getMessage());
            return BAD_REQUEST;
        } catch (UserStoreException e) {
            System.err.println("callgate: " + e.getMessage());
            return FAILED;
        }
    }

    static String describe(User user) {
        return user.name() + " "
                + user.roles().stream().sorted().map(Role::label).collect(Collectors.joining(","))
                + " "
                + (user.services().isEmpty()
                        ? "-"
                        : String.join(",", user.services().stream().sorted().toList()))
                + " " + (user.disabled() ? "disabled" : "enabled");
    }

    /** Where the password comes from: the console without echo, or standard input. */
    static final class PasswordSource {

        @Option(
                names = "--password-stdin",
                description = "read the password from the first line of standard input (for scripts); "
                        + "default: ask twice on the console, without echo")
        boolean stdin;

        char[] read(String name) throws UserException {
            if (stdin) {
                return firstLine();
            }
            Console console = System.console();
            if (console == null || !console.isTerminal()) {
                throw new UserException("no terminal to ask the password on: use --password-stdin");
            }
            char[] first = console.readPassword("Password for %s: ", name);
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null) {
                throw new UserException("no password given");
            }
            boolean same = Arrays.equals(first, again);
            Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new UserException("the two passwords differ");
            }
            return first;
        }

        /** Reads up to the first line end into a char array, so the password never becomes a String. */
        private static char[] firstLine() throws UserException {
            char[] buffer = new char[PasswordPolicy.MAX_LENGTH + 1];
            int length = 0;
            try {
                Reader in = new InputStreamReader(System.in, UTF_8);
                for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                    if (length == buffer.length) {
                        Arrays.fill(buffer, '\0');
                        throw new UserException(
                                "the password is too long: at most " + PasswordPolicy.MAX_LENGTH + " characters");
                    }
                    buffer[length++] = (char) c;
                }
            } catch (IOException e) {
                throw new UserException("cannot read the password from standard input: " + e.getMessage());
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            if (length == 0) {
                throw new UserException("no password on standard input");
            }
            char[] password = Arrays.copyOf(buffer, length);
            Arrays.fill(buffer, '\0');
            return password;
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(
            name = "add",
            description = "Add a user with one or more roles; a supervisor (or an agent) with their services.")
    static final class Add implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "login name: a-z, 0-9, '.', '_', '-'")
        String name;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "agent, supervisor, compliance or admin; repeat for more than one")
        List<String> roles;

        @Option(
                names = "--service",
                paramLabel = "S",
                description =
                        "a service a supervisor supervises or an agent's queue serves (a service-line or menu-option id); repeat")
        List<String> services = List.of();

        @Mixin
        PasswordSource password;

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            return withUsers(config, (loaded, users) -> {
                Set<Role> parsed = roles(roles);
                Set<String> supervised = new LinkedHashSet<>(services);
                if (parsed.contains(Role.SUPERVISOR)) {
                    refuseBanking(supervised, loaded.recording().bankingServices());
                }
                char[] secret = password.read(name);
                try {
                    User user = users.add(name, parsed, supervised, secret);
                    System.out.println("user added: " + describe(user));
                    return 0;
                } finally {
                    Arrays.fill(secret, '\0');
                }
            });
        }

        private static Set<Role> roles(List<String> labels) throws UserException {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String label : labels) {
                parsed.add(Role.parse(label)
                        .orElseThrow(() -> new UserException("unknown role " + label + ": one of " + Role.labels())));
            }
            return parsed;
        }

        /** A supervisor never hears banking recordings (R8), so a banking service is a mistake. */
        private static void refuseBanking(Set<String> services, List<String> banking) throws UserException {
            for (String service : services) {
                if (banking.contains(service.toLowerCase(Locale.ROOT))) {
                    throw new UserException(
                            "service " + service + " is a banking service (recording.banking-services); "
                                    + "supervisors never hear banking recordings, compliance does");
                }
            }
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "passwd", description = "Set a user's password.")
    static final class Passwd implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "the user")
        String name;

        @Mixin
        PasswordSource password;

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            return withUsers(config, (loaded, users) -> {
                if (users.find(name).isEmpty()) {
                    throw new UserException("no user " + name);
                }
                char[] secret = password.read(name);
                try {
                    users.changePassword(name, secret);
                    System.out.println("password changed: " + name);
                    return 0;
                } finally {
                    Arrays.fill(secret, '\0');
                }
            });
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "disable", description = "Disable a user: no more logins; the entry stays.")
    static final class Disable implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "the user")
        String name;

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            return withUsers(config, (loaded, users) -> {
                System.out.println("user disabled: " + describe(users.disable(name)));
                return 0;
            });
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "enable", description = "Enable a disabled user again.")
    static final class Enable implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "the user")
        String name;

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            return withUsers(config, (loaded, users) -> {
                System.out.println("user enabled: " + describe(users.enable(name)));
                return 0;
            });
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "list", description = "List the users: name, roles, services, enabled or disabled.")
    static final class ListUsers implements Callable<Integer> {

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            return withUsers(config, (loaded, users) -> {
                List<User> all = users.list();
                all.forEach(user -> System.out.println(describe(user)));
                System.out.println(all.size() + " users in " + users.file());
                return 0;
            });
        }
    }
}
