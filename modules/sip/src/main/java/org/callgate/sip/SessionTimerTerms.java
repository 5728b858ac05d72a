package org.callgate.sip;

import java.time.Duration;

/**
 * The terms of a leg's session timer as RFC 4028 sets them, from what the peer stated: pure
 * decisions, kept apart from the SIP messages and the scheduling in {@link SessionTimers}.
 */
final class SessionTimerTerms {

    /** What callgate answers a caller's INVITE with, as far as session timers go. */
    sealed interface Answer {}

    /** 422 Session Interval Too Small, with callgate's Min-SE (§9). */
    record TooSmall(Duration minSe) implements Answer {}

    /** No session timer on this leg: neither side asked for one. */
    record None() implements Answer {}

    /** The leg runs with this interval. */
    record Agreed(SessionInterval interval) implements Answer {}

    private SessionTimerTerms() {}

    /**
     * callgate as UAS of the caller's INVITE (§9): an interval under 90 s is refused; the
     * caller's refresher is kept, and when it names none the caller refreshes if it supports
     * timers, callgate if not. A caller that supports timers but asks for no interval gets
     * callgate's preferred one, above its own Min-SE.
     */
    static Answer forCaller(SessionInterval.Stated stated) {
        if (stated.hasInterval()) {
            Duration asked = Duration.ofSeconds(stated.seconds());
            if (asked.compareTo(SessionInterval.MIN_SE) < 0) {
                return new TooSmall(SessionInterval.MIN_SE);
            }
            boolean callgateRefreshes =
                    stated.refresher() == null ? !stated.supported() : "uas".equals(stated.refresher());
            return new Agreed(new SessionInterval(asked, callgateRefreshes));
        }
        if (stated.supported()) {
            Duration floor = Duration.ofSeconds(Math.max(stated.minSe(), 0));
            Duration interval = floor.compareTo(SessionInterval.PREFERRED) > 0 ? floor : SessionInterval.PREFERRED;
            return new Agreed(new SessionInterval(interval, false));
        }
        return new None();
    }

    /**
     * callgate as UAC, from the 2xx to an INVITE, re-INVITE or UPDATE it sent (§7.2): the
     * interval and refresher the peer put there; none when the 2xx has no Session-Expires.
     */
    static Answer fromAnswer(SessionInterval.Stated stated) {
        if (!stated.hasInterval()) {
            return new None();
        }
        return new Agreed(new SessionInterval(Duration.ofSeconds(stated.seconds()), !"uas".equals(stated.refresher())));
    }

    /**
     * callgate as UAS of a refresh (a re-INVITE or UPDATE in the dialog, §9): its interval if it
     * states one, else the leg's current terms; the refresher as the request names it.
     */
    static SessionInterval forRefresh(SessionInterval.Stated stated, SessionInterval current) {
        if (!stated.hasInterval()) {
            return current;
        }
        Duration asked = Duration.ofSeconds(Math.max(stated.seconds(), SessionInterval.MIN_SE.toSeconds()));
        boolean callgateRefreshes = stated.refresher() == null
                ? current != null && current.callgateRefreshes()
                : "uas".equals(stated.refresher());
        return new SessionInterval(asked, callgateRefreshes);
    }
}
