package org.callgate.sip;

import java.time.Duration;
import java.util.ListIterator;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sip.header.Header;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Message;

/**
 * One leg's session timer (RFC 4028): how long its session lives without a refresh, and whether
 * callgate or the peer refreshes it. callgate is the UAS of the caller's leg and the UAC of the
 * agent's, so each leg has its own, negotiated in that leg's INVITE and 2xx (§7, §9) and renewed by
 * each re-INVITE or UPDATE that succeeds on it.
 *
 * @param interval the session interval (the Session-Expires delta)
 * @param callgateRefreshes true when callgate sends the refreshes, false when the peer does
 */
record SessionInterval(Duration interval, boolean callgateRefreshes) {

    /** The {@code timer} option tag in a Supported or Require value; compiled once, read on every call. */
    private static final Pattern TIMER_TAG = Pattern.compile("(.*[ ,])?timer([ ,].*)?");

    /** The smallest interval callgate accepts: RFC 4028 §4's floor for Min-SE, and its default. */
    static final Duration MIN_SE = Duration.ofSeconds(90);
    /** What callgate asks for when the caller states nothing: RFC 4028 §4's recommendation. */
    static final Duration PREFERRED = Duration.ofSeconds(1800);

    static final String SESSION_EXPIRES = "Session-Expires";
    static final String MIN_SE_HEADER = "Min-SE";
    static final String TIMER = "timer";

    /** What a request or response says about session timers. */
    record Stated(long seconds, String refresher, long minSe, boolean supported) {
        boolean hasInterval() {
            return seconds >= 0;
        }
    }

    /** The refresher sends its refresh half-way through the interval (§10). */
    Duration refreshAfter() {
        return interval.dividedBy(2);
    }

    /**
     * The side that does not refresh ends the session this long after the last refresh: the
     * interval less a third of it or 32 s, whichever is less (§10).
     */
    Duration expiresAfter() {
        Duration margin = interval.dividedBy(3);
        return interval.minus(margin.compareTo(Duration.ofSeconds(32)) < 0 ? margin : Duration.ofSeconds(32));
    }

    /**
     * The Session-Expires value for a message of a transaction in which callgate is the UAC
     * ({@code callgateIsUac}) or the UAS; its refresher parameter names the refreshing side by its
     * role in that transaction (§4).
     */
    String value(boolean callgateIsUac) {
        boolean uacRefreshes = callgateRefreshes == callgateIsUac;
        return interval.toSeconds() + ";refresher=" + (uacRefreshes ? "uac" : "uas");
    }

    /** Does a message with this value need {@code Require: timer}? Only if the UAC refreshes (§9). */
    boolean requiresTimer(boolean callgateIsUac) {
        return callgateRefreshes == callgateIsUac;
    }

    /** Reads Session-Expires (or its compact form {@code x}), Min-SE and Supported of a message. */
    static Stated stated(Message message) {
        long seconds = -1;
        String refresher = null;
        String expires = valueOf(message.getHeader(SESSION_EXPIRES));
        if (expires == null) {
            expires = valueOf(message.getHeader("x"));
        }
        if (expires != null) {
            String[] parts = expires.split(";");
            seconds = parseSeconds(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                String[] param = parts[i].trim().split("=", 2);
                if (param.length == 2 && param[0].trim().equalsIgnoreCase("refresher")) {
                    refresher = param[1].trim().toLowerCase(Locale.ROOT);
                }
            }
        }
        String minSe = valueOf(message.getHeader(MIN_SE_HEADER));
        long min = minSe == null ? -1 : parseSeconds(minSe.split(";")[0]);
        return new Stated(seconds, refresher, min, supportsTimer(message));
    }

    private static boolean supportsTimer(Message message) {
        for (String name : new String[] {SupportedHeader.NAME, "Require"}) {
            ListIterator<?> headers = message.getHeaders(name);
            while (headers != null && headers.hasNext()) {
                String value = valueOf((Header) headers.next());
                if (value != null
                        && TIMER_TAG.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String valueOf(Header header) {
        if (header == null) {
            return null;
        }
        String text = header.toString().strip();
        int colon = text.indexOf(':');
        return colon < 0 ? null : text.substring(colon + 1).strip();
    }

    private static long parseSeconds(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
