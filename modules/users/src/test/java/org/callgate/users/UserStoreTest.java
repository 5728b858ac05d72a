package org.callgate.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user file: add, authenticate, change, disable; owner-only and never torn (R11). */
class UserStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private UserStore store() {
        return new UserStore(dir.resolve("users.json"), clock);
    }

    @Test
    void anAddedUserAuthenticatesWithItsPassword() throws Exception {
        UserStore store = store();
        store.add("Alice", Set.of(Role.AGENT), Set.of(), PASSWORD);

        assertThat(store.authenticate("alice", PASSWORD)).hasValueSatisfying(user -> {
            assertThat(user.name()).isEqualTo("alice");
            assertThat(user.roles()).containsExactly(Role.AGENT);
            assertThat(user.created()).isEqualTo(T0);
        });
    }

    @Test
    void aWrongPasswordOrAnUnknownNameAuthenticatesNobody() throws Exception {
        UserStore store = store();
        store.add("alice", Set.of(Role.AGENT), Set.of(), PASSWORD);

        assertThat(store.authenticate("alice", "wrong horse battery".toCharArray()))
                .isEmpty();
        assertThat(store.authenticate("bob", PASSWORD)).isEmpty();
        assertThat(store.authenticate("alice", new char[0])).isEmpty();
    }

    @Test
    void aDisabledUserCannotLogInUntilEnabledAgain() throws Exception {
        UserStore store = store();
        store.add("alice", Set.of(Role.COMPLIANCE), Set.of(), PASSWORD);
        now.set(T0.plus(Duration.ofHours(1)));

        User disabled = store.disable("alice");

        assertThat(disabled.disabled()).isTrue();
        assertThat(disabled.changed()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(store.authenticate("alice", PASSWORD)).isEmpty();
        store.enable("alice");
        assertThat(store.authenticate("alice", PASSWORD)).isPresent();
    }

    @Test
    void aChangedPasswordReplacesTheOldOne() throws Exception {
        UserStore store = store();
        store.add("alice", Set.of(Role.ADMIN), Set.of(), PASSWORD);
        char[] next = "a much longer passphrase".toCharArray();

        store.changePassword("alice", next);

        assertThat(store.authenticate("alice", PASSWORD)).isEmpty();
        assertThat(store.authenticate("alice", next)).isPresent();
    }

    @Test
    void theHashIsNotThePasswordAndVerifiesIt() throws Exception {
        User user = store().add("alice", Set.of(Role.AGENT), Set.of(), PASSWORD);

        assertThat(user.passwordHash()).startsWith("$argon2id$").doesNotContain(new String(PASSWORD));
        assertThat(Files.readString(dir.resolve("users.json"))).doesNotContain(new String(PASSWORD));
        assertThat(PasswordHasher.recommended().matches(PASSWORD, user.passwordHash()))
                .isTrue();
        assertThat(user.toString()).doesNotContain(user.passwordHash());
    }

    @Test
    void theUserFileIsReadableAndWritableByItsOwnerOnly() throws Exception {
        store().add("alice", Set.of(Role.AGENT), Set.of(), PASSWORD);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("users.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aWriteThatDiesBeforeTheRenameLeavesTheOldFileIntact() throws Exception {
        store().add("alice", Set.of(Role.AGENT), Set.of(), PASSWORD);
        String before = Files.readString(dir.resolve("users.json"));
        UserStore crashing = new UserStore(dir.resolve("users.json"), clock, PasswordHasher.recommended(), () -> {
            throw new IllegalStateException("power cut");
        });

        assertThatThrownBy(() -> crashing.add("bob", Set.of(Role.AGENT), Set.of(), PASSWORD))
                .hasMessage("power cut");

        assertThat(Files.readString(dir.resolve("users.json"))).isEqualTo(before);
        assertThat(store().list()).extracting(User::name).containsExactly("alice");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("users.json"));
        }
    }

    @Test
    void anExistingNameIsRefused() throws Exception {
        UserStore store = store();
        store.add("alice", Set.of(Role.AGENT), Set.of(), PASSWORD);

        assertThatThrownBy(() -> store.add("ALICE", Set.of(Role.ADMIN), Set.of(), PASSWORD))
                .isInstanceOf(UserException.class)
                .hasMessage("user alice exists already");
    }

    @Test
    void aShortPasswordOrOneHoldingTheNameIsRefused() {
        UserStore store = store();

        assertThatThrownBy(() -> store.add("alice", Set.of(Role.AGENT), Set.of(), "short-pass1".toCharArray()))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> store.add("alice", Set.of(Role.AGENT), Set.of(), "my-ALICE-password".toCharArray()))
                .isInstanceOf(UserException.class)
                .hasMessage("the password must not contain the user name");
        assertThat(Files.exists(dir.resolve("users.json"))).isFalse();
    }

    @Test
    void aSupervisorNeedsServicesAndOnlySupervisorsAndAgentsHaveThem() throws Exception {
        UserStore store = store();

        assertThatThrownBy(() -> store.add("sam", Set.of(Role.SUPERVISOR), Set.of(), PASSWORD))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("--service");
        assertThatThrownBy(() -> store.add("cora", Set.of(Role.COMPLIANCE), Set.of("private"), PASSWORD))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("only a supervisor or an agent");
        User sam = store.add("sam", Set.of(Role.SUPERVISOR, Role.AGENT), Set.of("private"), PASSWORD);
        assertThat(store.find("sam")).contains(sam);
        User anna = store.add("anna", Set.of(Role.AGENT), Set.of("private"), PASSWORD);
        assertThat(anna.services()).containsExactly("private");
    }

    @Test
    void aSupervisorHearsSampledRecordingsOfTheirServicesAndNeverBanking() throws Exception {
        User sam = store().add("sam", Set.of(Role.SUPERVISOR), Set.of("private"), PASSWORD);

        assertThat(sam.mayHear("private", false)).isTrue();
        assertThat(sam.mayHear("business", false)).isFalse();
        assertThat(sam.mayHear("private", true)).isFalse();
    }

    @Test
    void changingAnUnknownUserIsRefused() {
        assertThatThrownBy(() -> store().disable("nobody"))
                .isInstanceOf(UserException.class)
                .hasMessage("no user nobody");
    }
}
