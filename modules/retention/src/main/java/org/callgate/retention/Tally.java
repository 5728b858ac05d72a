package org.callgate.retention;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per retention class (destroyed) and per reason (kept), as a journal line can hold them.
 * Thread-safe: the purge's delete threads count into one tally.
 */
final class Tally {

    final Map<String, Long> purged = new TreeMap<>();
    final Map<String, Long> kept = new TreeMap<>();

    synchronized void purged(String retentionClass, long n) {
        if (n > 0) {
            purged.merge(retentionClass, n, Long::sum);
        }
    }

    synchronized void kept(String reason, long n) {
        if (n > 0) {
            kept.merge(reason, n, Long::sum);
        }
    }

    /** {@code purged=trace:5,recording:3 kept=locked:1}. */
    synchronized String line() {
        return "purged=" + join(purged) + " kept=" + join(kept);
    }

    static Tally parse(String line) {
        Tally tally = new Tally();
        for (String part : line.trim().split(" ")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            Map<String, Long> into = part.startsWith("purged=") ? tally.purged : tally.kept;
            for (String entry : part.substring(eq + 1).split(",")) {
                int colon = entry.lastIndexOf(':');
                if (colon > 0) {
                    into.merge(entry.substring(0, colon), Long.parseLong(entry.substring(colon + 1)), Long::sum);
                }
            }
        }
        return tally;
    }

    private static String join(Map<String, Long> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((k, v) ->
                out.append(out.isEmpty() ? "" : ",").append(k).append(':').append(v));
        return out.toString();
    }
}
