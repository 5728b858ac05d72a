package org.callgate.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.callgate.core.PhoneNumber;
import org.callgate.core.access.CallerCheck;
import org.callgate.core.access.ConfigurationView;
import org.callgate.core.access.DossierDesk;
import org.callgate.core.access.DossierDraft;
import org.callgate.core.access.DossierWriteException;
import org.callgate.core.access.LiveCallFeed;
import org.callgate.core.access.UserAdmin;
import org.callgate.core.access.UserAdminException;
import org.callgate.core.access.UserView;
import org.callgate.core.call.LiveCall;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.Iban;
import org.callgate.core.dossier.RecordRetention;

/**
 * In-memory SPIs of the agents' and admins' routes, beside {@link AccessFakes}: a live call feed
 * the test publishes to, a dossier desk holding two dossiers (one with an IBAN), a user list and a
 * redacted configuration.
 */
final class AgentFakes {

    /** The heartbeat of the test servers: short, so that a test sees one. */
    static final Duration HEARTBEAT = Duration.ofMillis(200);

    final List<Consumer<LiveCall>> subscribers = new CopyOnWriteArrayList<>();

    final LiveCallFeed live = subscriber -> {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    };

    /** Tells every subscriber, as the SIP layer's observer does. */
    void publish(LiveCall call) {
        subscribers.forEach(subscriber -> subscriber.accept(call));
    }

    /** The dossier of the desk with an IBAN on file. */
    static final String WITH_IBAN = "D2026-000002";

    static final String IBAN = "BE71096123456769";

    /** The desk's dossiers, latest versions, by number; starts with {@link AccessFakes#DOSSIER} and {@link #WITH_IBAN}. */
    final Map<String, Dossier> dossiers =
            new ConcurrentHashMap<>(Map.of(AccessFakes.DOSSIER, AccessFakes.dossier(), WITH_IBAN, withIban()));

    /** Dossiers that keep changing on other nodes: a check of one is refused, as the desk refuses it then. */
    final Set<String> changing = ConcurrentHashMap.newKeySet();

    final DossierDesk desk = new DossierDesk() {
        private final AtomicInteger next = new AtomicInteger(100);

        @Override
        public Optional<Dossier> latest(String number) {
            return Optional.ofNullable(dossiers.get(number));
        }

        @Override
        public Dossier create(DossierDraft draft) {
            String number = String.format(Locale.ROOT, "D2026-%06d", next.incrementAndGet());
            Dossier created = dossier(number, 1, draft, draft.service(), AccessFakes.START);
            dossiers.put(number, created);
            return created;
        }

        @Override
        public synchronized Dossier update(String number, int version, DossierDraft draft)
                throws DossierWriteException {
            Dossier current = current(number);
            if (current.version() != version) {
                throw new DossierWriteException(DossierWriteException.Reason.CONFLICT, "version", "changed meanwhile");
            }
            Dossier next = dossier(number, version + 1, draft, current.service(), current.created());
            dossiers.put(number, next);
            return next;
        }

        @Override
        public synchronized Dossier recordCheck(String number, CallerCheck check) throws DossierWriteException {
            Dossier current = current(number);
            if (changing.contains(number)) {
                throw new DossierWriteException(
                        DossierWriteException.Reason.CONFLICT,
                        "version",
                        "dossier " + number + " kept changing meanwhile (on other nodes); try again");
            }
            String notes = current.notes().isEmpty() ? check.notesLine() : current.notes() + "\n" + check.notesLine();
            Dossier next = new Dossier(
                    number,
                    current.version() + 1,
                    current.name(),
                    current.firstName(),
                    current.phones(),
                    current.iban(),
                    current.email(),
                    notes,
                    current.service(),
                    current.calls(),
                    current.created(),
                    check.at(),
                    current.retention());
            dossiers.put(number, next);
            return next;
        }

        private Dossier current(String number) throws DossierWriteException {
            Dossier current = dossiers.get(number);
            if (current == null) {
                throw new DossierWriteException(DossierWriteException.Reason.NOT_FOUND, null, "no such dossier");
            }
            return current;
        }
    };

    /** The users of the admin fake, by name; starts with one agent, {@value #USER}. */
    static final String USER = "anna";

    final Map<String, UserView> users = new ConcurrentHashMap<>(Map.of(
            USER, new UserView(USER, Set.of("agent"), Set.of("private"), false, AccessFakes.START, AccessFakes.START)));

    final UserAdmin userAdmin = new UserAdmin() {
        @Override
        public List<UserView> list() {
            return users.values().stream()
                    .sorted(java.util.Comparator.comparing(UserView::name))
                    .toList();
        }

        @Override
        public UserView add(String name, Set<String> roles, Set<String> services, char[] password)
                throws UserAdminException {
            if (password.length < 12) {
                throw new UserAdminException(UserAdminException.Reason.INVALID, "the password is too short");
            }
            UserView user = new UserView(name, roles, services, false, AccessFakes.START, AccessFakes.START);
            if (users.putIfAbsent(name, user) != null) {
                throw new UserAdminException(UserAdminException.Reason.EXISTS, "user " + name + " exists");
            }
            return user;
        }

        @Override
        public Optional<UserView> disable(String name) {
            return toggle(name, true);
        }

        @Override
        public Optional<UserView> enable(String name) {
            return toggle(name, false);
        }

        private Optional<UserView> toggle(String name, boolean disabled) {
            return Optional.ofNullable(users.computeIfPresent(
                    name,
                    (key, user) -> new UserView(
                            key, user.roles(), user.services(), disabled, user.created(), AccessFakes.START)));
        }
    };

    /** A configuration as the app redacts it. */
    final ConfigurationView configuration = () -> Map.of(
            "web", Map.of("port", 8080),
            "store", Map.of("s3", Map.of("bucket", "calls", "secret-key", ConfigurationView.REDACTED)));

    /** Adds the agents' and admins' routes over these fakes. */
    WebServer.Builder wire(WebServer.Builder builder) {
        return builder.liveCalls(live, HEARTBEAT).dossierDesk(desk).admin(userAdmin, configuration);
    }

    private static Dossier dossier(String number, int version, DossierDraft draft, String service, Instant created) {
        return new Dossier(
                number,
                version,
                draft.name(),
                draft.firstName(),
                draft.phones().stream().map(PhoneNumber::parse).toList(),
                draft.iban() == null || draft.iban().isBlank() ? null : Iban.parse(draft.iban()),
                draft.email(),
                draft.notes(),
                service,
                List.of(),
                created,
                AccessFakes.START,
                new RecordRetention("dossier", created.plus(Duration.ofDays(1095)), false));
    }

    private static Dossier withIban() {
        return dossier(
                WITH_IBAN,
                1,
                new DossierDraft("banking", "Peeters", "Jan", List.of("+32475000001"), IBAN, null, ""),
                "banking",
                AccessFakes.START);
    }
}
