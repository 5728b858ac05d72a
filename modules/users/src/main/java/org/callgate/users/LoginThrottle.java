package org.callgate.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses logins after repeated failures, per user name and per remote address: {@value
 * #MAX_FAILURES} failures within {@link #WINDOW} lock that name, or that address, for {@link
 * #LOCKOUT}. The name lock slows guessing one user's password from many addresses; the address lock
 * slows one address trying many names. A success clears the name's failures (not the address's).
 *
 * <p>State is in memory: a restart forgets it, which costs an attacker a restart of the server. It
 * stays bounded: entries whose failures and lock have expired are dropped as the map grows.
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a login for {@code name} from {@code address} is still refused; empty when allowed. */
    public synchronized Optional<Duration> lockedFor(String name, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(nameKey(name), now), lockedUntil(addressKey(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    public boolean allowed(String name, String address) {
        return lockedFor(name, address).isEmpty();
    }

    /** A failed login: counts against the name and the address. */
    public synchronized void recordFailure(String name, String address) {
        Instant now = clock.instant();
        if (entries.size() > PRUNE_ABOVE) {
            entries.values().removeIf(entry -> entry.expired(now));
        }
        entries.computeIfAbsent(nameKey(name), key -> new Entry()).fail(now);
        entries.computeIfAbsent(addressKey(address), key -> new Entry()).fail(now);
    }

    /** A successful login forgets the name's failures. */
    public synchronized void recordSuccess(String name) {
        entries.remove(nameKey(name));
    }

    private Instant lockedUntil(String key, Instant now) {
        Entry entry = entries.get(key);
        return entry == null || entry.lockedUntil == null || !now.isBefore(entry.lockedUntil)
                ? null
                : entry.lockedUntil;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }

    /** Failures within the window, and the end of a lock once they reach the limit. */
    private static final class Entry {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil;

        void fail(Instant now) {
            forgetBefore(now.minus(WINDOW));
            failures.addLast(now);
            if (failures.size() >= MAX_FAILURES) {
                lockedUntil = now.plus(LOCKOUT);
                failures.clear();
            }
        }

        boolean expired(Instant now) {
            forgetBefore(now.minus(WINDOW));
            return failures.isEmpty() && (lockedUntil == null || !now.isBefore(lockedUntil));
        }

        private void forgetBefore(Instant start) {
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(start)) {
                failures.removeFirst();
            }
        }
    }
}
