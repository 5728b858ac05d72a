package org.callgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The latencies of one of {@link WebBench}'s search loops: of all queries, and of each kind of
 * {@link WebQueries}, so that a slow kind (fuzzy names) shows apart from the term look-ups.
 */
record WebPhase(WebLatencies all, Map<WebQueries.Kind, WebLatencies> kinds, WebLatencies server) {

    private static final ObjectMapper JSON = new ObjectMapper();

    WebPhase(int count) {
        this(new WebLatencies(count), new EnumMap<>(WebQueries.Kind.class), new WebLatencies(count));
        for (WebQueries.Kind k : WebQueries.Kind.values()) {
            kinds.put(k, new WebLatencies(count));
        }
    }

    /**
     * Notes a 200 answer to {@code q} after {@code nanos}, whether it had hits, and callgate's own
     * part of it from its {@code Server-Timing} header ({@code app;dur=} milliseconds), if any.
     */
    void add(WebQueries.Query q, long nanos, String body, String serverTiming) {
        if (serverTiming != null && serverTiming.startsWith("app;dur=")) {
            server.add(Math.round(Double.parseDouble(serverTiming.substring("app;dur=".length())) * 1e6), true);
        }
        boolean found = q.kind() == WebQueries.Kind.SESSION || hit(body);
        all.add(nanos, found);
        kinds.get(q.kind()).add(nanos, found);
    }

    String report(String prefix) {
        StringBuilder out = new StringBuilder(all.report(prefix));
        kinds.forEach((k, l) -> {
            if (l.count() > 0) {
                out.append(l.brief(prefix + "_" + k.name().toLowerCase(Locale.ROOT)));
            }
        });
        if (server.count() > 0) {
            out.append(server.report(prefix + "_server"));
        }
        return out.toString();
    }

    private static boolean hit(String body) {
        try {
            return JSON.readTree(body).path("hits").size() > 0;
        } catch (Exception e) {
            return false;
        }
    }
}
