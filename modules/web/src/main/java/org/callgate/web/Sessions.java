package org.callgate.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.callgate.core.access.Account;

/**
 * The sessions of logged-in users, in memory (a restart logs everybody out): a session ends after
 * {@link #IDLE_TIMEOUT} without a request, and in any case {@link #LIFETIME} after the login. Time
 * comes from the injected clock; ids and CSRF tokens from {@link SecureRandom}.
 */
final class Sessions {

    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final int PRUNE_ABOVE = 1_000;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session for a user who just logged in. */
    Session open(Account account) {
        Instant now = clock.instant();
        if (sessions.size() > PRUNE_ABOVE) {
            sessions.values().removeIf(session -> expired(session, now));
        }
        Session session = new Session(randomToken(), account, randomToken(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, now marked as used; empty when unknown or expired. */
    Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session live =
                sessions.computeIfPresent(id, (key, session) -> expired(session, now) ? null : session.seen(now));
        return Optional.ofNullable(live);
    }

    /** The live session with this id, as it is: a second look within one request. */
    Optional<Session> find(String id) {
        Session session = sessions.get(id);
        return session == null || expired(session, clock.instant()) ? Optional.empty() : Optional.of(session);
    }

    void close(String id) {
        sessions.remove(id);
    }

    /** Ends every session of the account {@code name}: a user disabled is out at once. */
    void closeAll(String name) {
        sessions.values().removeIf(session -> session.account().name().equals(name));
    }

    int size() {
        return sessions.size();
    }

    /** Whether {@code given} is the session's CSRF token, compared in constant time. */
    static boolean csrfMatches(Session session, String given) {
        return given != null
                && MessageDigest.isEqual(
                        session.csrfToken().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastSeen().plus(IDLE_TIMEOUT))
                || !now.isBefore(session.created().plus(LIFETIME));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
