package org.callgate.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code callgate user ...}: passwords from standard input, one-line errors with exit code 2 (R11). */
class UserCommandTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;
    private InputStream stdin;

    @BeforeEach
    void aConfigurationWithTheSpoolInATemporaryDirectory() throws Exception {
        config = Files.writeString(dir.resolve("callgate.yaml"), """
                prompts-dir: %s
                store:
                  path: %s
                  spool: %s
                """.formatted(
                        GatewayFixture.PROMPTS, dir.resolve("store"), dir.resolve("spool")));
        stdout = System.out;
        stderr = System.err;
        stdin = System.in;
        System.setOut(new PrintStream(out, true, UTF_8));
        System.setErr(new PrintStream(err, true, UTF_8));
    }

    @AfterEach
    void restoreTheTerminal() {
        System.setOut(stdout);
        System.setErr(stderr);
        System.setIn(stdin);
    }

    private int user(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(UTF_8)));
        String[] all = new String[args.length + 3];
        all[0] = "user";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--config";
        all[args.length + 2] = config.toString();
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(all);
    }

    private UserStore store() {
        return new UserStore(dir.resolve("users.json"), Clock.systemUTC());
    }

    @Test
    void theUserFileLivesBesideTheSpool() throws Exception {
        assertThat(UserCommand.file(Main.loadConfig(config).store())).isEqualTo(dir.resolve("users.json"));
    }

    @Test
    void anAddedUserIsListedWithoutItsHashAndLogsIn() {
        assertThat(user(PASSWORD + "\n", "add", "alice", "--role", "agent", "--password-stdin"))
                .isEqualTo(0);
        assertThat(user(
                        PASSWORD + "\r\n",
                        "add",
                        "sam",
                        "--role",
                        "supervisor",
                        "--role",
                        "agent",
                        "--service",
                        "private",
                        "--password-stdin"))
                .isEqualTo(0);
        out.reset();

        assertThat(user("", "list")).isEqualTo(0);

        assertThat(out.toString(UTF_8).lines())
                .containsExactly(
                        "alice agent - enabled",
                        "sam agent,supervisor private enabled",
                        "2 users in " + dir.resolve("users.json"));
        assertThat(out.toString(UTF_8)).doesNotContain("argon2");
        assertThat(store().authenticate("sam", PASSWORD.toCharArray())).isPresent();
    }

    @Test
    void passwdChangesThePassword() {
        user(PASSWORD + "\n", "add", "alice", "--role", "admin", "--password-stdin");

        assertThat(user("another long secret\n", "passwd", "alice", "--password-stdin"))
                .isEqualTo(0);

        assertThat(out.toString(UTF_8)).contains("password changed: alice");
        assertThat(store().authenticate("alice", PASSWORD.toCharArray())).isEmpty();
        assertThat(store().authenticate("alice", "another long secret".toCharArray()))
                .isPresent();
    }

    @Test
    void aDisabledUserIsListedAsSuchAndCannotLogIn() {
        user(PASSWORD + "\n", "add", "alice", "--role", "compliance", "--password-stdin");

        assertThat(user("", "disable", "alice")).isEqualTo(0);

        assertThat(store().authenticate("alice", PASSWORD.toCharArray())).isEmpty();
        out.reset();
        user("", "list");
        assertThat(out.toString(UTF_8)).startsWith("alice compliance - disabled");
        assertThat(user("", "enable", "alice")).isEqualTo(0);
        assertThat(store().authenticate("alice", PASSWORD.toCharArray())).isPresent();
    }

    @Test
    void badInputGetsOneLineAndExitCodeTwo() {
        user(PASSWORD + "\n", "add", "alice", "--role", "agent", "--password-stdin");
        err.reset();

        assertError(
                user(PASSWORD + "\n", "add", "bob", "--role", "root", "--password-stdin"),
                "callgate: unknown role root: one of agent, supervisor, compliance, admin");
        assertError(
                user("short\n", "add", "bob", "--role", "agent", "--password-stdin"),
                "callgate: the password is too short: at least 12 characters");
        assertError(
                user("bob-is-my-password\n", "add", "bob", "--role", "agent", "--password-stdin"),
                "callgate: the password must not contain the user name");
        assertError(
                user(PASSWORD + "\n", "add", "alice", "--role", "agent", "--password-stdin"),
                "callgate: user alice exists already");
        assertError(
                user(PASSWORD + "\n", "add", "sam", "--role", "supervisor", "--service", "banking", "--password-stdin"),
                "callgate: service banking is a banking service (recording.banking-services); "
                        + "supervisors never hear banking recordings, compliance does");
        assertError(user(PASSWORD + "\n", "passwd", "nobody", "--password-stdin"), "callgate: no user nobody");
        assertError(user("", "disable", "nobody"), "callgate: no user nobody");
    }

    @Test
    void anEmptyStandardInputIsNoPassword() {
        assertError(
                user("", "add", "bob", "--role", "agent", "--password-stdin"),
                "callgate: no password on standard input");
    }

    @Test
    void withoutATerminalOrPasswordStdinNoPasswordIsAsked() {
        assertError(
                user(PASSWORD + "\n", "add", "bob", "--role", "agent"),
                "callgate: no terminal to ask the password on: use --password-stdin");
        assertThat(Files.exists(dir.resolve("users.json"))).isFalse();
    }

    @Test
    void thePasswordIsNotAnOptionOfTheCommandLine() {
        assertThat(user("", "add", "bob", "--role", "agent", "--password", PASSWORD))
                .isEqualTo(2);
        assertThat(Arrays.stream(err.toString(UTF_8).split("\\R")))
                .first()
                .asString()
                .startsWith("Unknown options: '--password'");
        assertThat(Files.exists(dir.resolve("users.json"))).isFalse();
    }

    private void assertError(int exitCode, String line) {
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(UTF_8)).isEqualTo(line + System.lineSeparator());
        assertThat(err.toString(UTF_8)).doesNotContain("Exception");
        err.reset();
    }
}
