package org.callgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The latencies of one of {@link WebBench}'s search loops: of all queries, and of each kind of
 * {@link WebQueries}, so that a slow kind (fuzzy names) shows apart from the term look-ups.
 */
record WebPhase(WebLatencies all, Map<WebQueries.Kind, WebLatencies> kinds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    WebPhase(int count) {
        this(new WebLatencies(count), new EnumMap<>(WebQueries.Kind.class));
        for (WebQueries.Kind k : WebQueries.Kind.values()) {
            kinds.put(k, new WebLatencies(count));
        }
    }

    /** Notes a 200 answer to {@code q} after {@code nanos}, and whether it had hits. */
    void add(WebQueries.Query q, long nanos, HttpResponse<String> r) {
        boolean found = hit(r);
        all.add(nanos, found);
        kinds.get(q.kind()).add(nanos, found);
    }

    String report(String prefix) {
        StringBuilder out = new StringBuilder(all.report(prefix));
        kinds.forEach((k, l) -> out.append(l.brief(prefix + "_" + k.name().toLowerCase(Locale.ROOT))));
        return out.toString();
    }

    private static boolean hit(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("hits").size() > 0;
        } catch (Exception e) {
            return false;
        }
    }
}
