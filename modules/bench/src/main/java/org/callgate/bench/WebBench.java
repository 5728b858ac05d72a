package org.callgate.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.callgate.app.config.RetentionFiles;
import org.callgate.records.SyntheticData;

/**
 * The web API benchmark ({@code scripts/bench-web}, issue 16) against a running callgate: agents'
 * searches over HTTP ({@code GET /api/v1/dossiers?q=}, R2) and the start of a recording's stream
 * ({@code GET /api/v1/recordings/{callId}/audio}, R8, R11).
 *
 * <p>Search is measured two ways. Closed loop: {@code clients} clients each send their next query
 * when the answer to the last arrives, which finds the saturation throughput but hides queueing
 * (a slow answer delays the next requests instead of being waited for). Open loop: requests leave
 * on a fixed schedule at {@code rate} per second, as agents typing do whatever the server does
 * (50 agents, one query every 200 ms each, spread evenly: 250/s), each latency counted from the
 * request's intended send time, so a stall counts against every request it delays (no
 * coordinated omission). The queries come from {@link WebQueries}. The stream start is the time
 * from sending {@code Range: bytes=0-} to the first body byte, one play at a time; each play
 * writes its audit entry before the first byte (R11), part of what is timed.
 *
 * <p>The search traffic goes through {@link WebSearchLoad} (Armeria's client on one event loop);
 * the floor ({@code GET /api/v1/session}) and, with {@code --anchor-url}, any other server (nginx
 * in {@code scripts/bench-web --anchor}) get the same open loop, so their figures sit beside the
 * search's.
 *
 * <p>Args ({@code --key value}): base (http://127.0.0.1:8080), agent and compliance (user names;
 * the password is in the environment variable {@code WEBBENCH_PASSWORD}), dossiers, seed 1, now
 * (the instant generate-data ran at), clients 50, warmup-s 90, queries 10000 (per loop), rate
 * 250, plays 500, pid (callgate's, for its CPU time), clk-tck 100, anchor-url (none), trace (a
 * file for each open-loop search's send time, latency and kind). Prints {@code key=value} lines.
 */
@SuppressForbidden("a benchmark measures elapsed time with System.nanoTime and prints its results")
public final class WebBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long SELF = ProcessHandle.current().pid();

    private final Map<String, String> args;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();

    private final long pid;
    private final int clkTck;

    private WebBench(Map<String, String> args) {
        this.args = args;
        this.pid = Long.parseLong(args.getOrDefault("pid", "0"));
        this.clkTck = Integer.parseInt(args.getOrDefault("clk-tck", "100"));
        this.base = URI.create(args.getOrDefault("base", "http://127.0.0.1:8080"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new WebBench(args).run();
        System.exit(0);
    }

    private int intArg(String name, int fallback) {
        return Integer.parseInt(args.getOrDefault(name, Integer.toString(fallback)));
    }

    private void run() throws Exception {
        String password = System.getenv("WEBBENCH_PASSWORD");
        int dossiers = intArg("dossiers", 1000);
        int clients = intArg("clients", 50);
        int queries = intArg("queries", 10000);
        int rate = intArg("rate", 250);
        int plays = intArg("plays", 500);
        SyntheticData data = new SyntheticData(
                Long.parseLong(args.getOrDefault("seed", "1")),
                Instant.parse(args.get("now")),
                RetentionFiles.load(Path.of("config/retention"), "default"));
        WebQueries mix = new WebQueries(data, dossiers);

        String agent = login(args.getOrDefault("agent", "bench-agent"), password);
        int warmup = intArg("warmup-s", 90);
        try (WebSearchLoad load = new WebSearchLoad(base, agent)) {
            WebPhase warm = new WebPhase(queries);
            load.closedLoopFor(mix, clients, Duration.ofSeconds(warmup), warm);
            System.out.printf(
                    Locale.ROOT,
                    "warmup_s=%d%nwarmup_searches=%d%n",
                    warmup,
                    warm.all().count());

            WebPhase closed = new WebPhase(queries);
            long cpu0 = ProcStats.cpuTicks(pid);
            long self0 = ProcStats.cpuTicks(SELF);
            long start = System.nanoTime();
            load.closedLoop(mix, clients, queries, 2, closed);
            long nanos = System.nanoTime() - start;
            System.out.print(closed.report("search_closed"));
            System.out.printf(
                    Locale.ROOT,
                    "search_closed_clients=%d%nsearch_closed_per_s=%.0f%nsearch_closed_callgate_cpu_pct=%.0f%n"
                            + "search_closed_harness_cpu_pct=%.0f%n",
                    clients,
                    queries / (nanos / 1e9),
                    cpuPercent(pid, cpu0, nanos),
                    cpuPercent(SELF, self0, nanos));

            String trace = args.get("trace");
            load.trace = trace == null ? null : new StringBuffer();
            SplittableRandom random = new SplittableRandom(4242);
            openLoop(load, "search_open", () -> mix.next(random), null, rate, queries);
            if (trace != null) {
                Files.writeString(Path.of(trace), load.trace);
                load.trace = null;
            }
            openLoop(load, "floor_open", () -> WebQueries.SESSION, "/api/v1/session", rate, Math.max(1, queries / 2));
        }
        String anchor = args.get("anchor-url");
        if (anchor != null) {
            URI url = URI.create(anchor);
            try (WebSearchLoad load = new WebSearchLoad(url, "")) {
                openLoop(
                        load,
                        "anchor_open",
                        () -> WebQueries.SESSION,
                        url.getRawPath(),
                        rate,
                        Math.max(1, queries / 2));
            }
        }

        String compliance = login(args.getOrDefault("compliance", "bench-compliance"), password);
        List<String> calls = recordings(compliance);
        System.out.printf(Locale.ROOT, "recordings=%d%n", calls.size());
        if (!calls.isEmpty() && plays > 0) {
            streamStarts(compliance, calls, Math.max(1, plays / 10), new WebLatencies(plays)); // warm-up
            WebLatencies first = new WebLatencies(plays);
            WebLatencies headers = new WebLatencies(plays);
            streamStarts(compliance, calls, plays, first, headers);
            System.out.print(first.report("stream_first_byte"));
            System.out.print(headers.report("stream_headers"));
        }
    }

    /** One open loop at {@code rate}/s of {@code count} requests, printed under {@code prefix}. */
    private void openLoop(
            WebSearchLoad load, String prefix, Supplier<WebQueries.Query> next, String fixedPath, int rate, int count)
            throws InterruptedException {
        WebPhase open = new WebPhase(count);
        long cpu0 = ProcStats.cpuTicks(pid);
        long self0 = ProcStats.cpuTicks(SELF);
        long start = System.nanoTime();
        WebLatencies lag = new WebLatencies(count);
        double seconds = load.openLoop(next, fixedPath, rate, count, open, lag);
        long nanos = System.nanoTime() - start;
        System.out.print(open.report(prefix));
        System.out.print(lag.brief(prefix + "_send_lag"));
        System.out.printf(
                Locale.ROOT,
                "%1$s_rate_per_s=%2$d%n%1$s_achieved_per_s=%3$.0f%n%1$s_callgate_cpu_pct=%4$.0f%n"
                        + "%1$s_harness_cpu_pct=%5$.0f%n",
                prefix,
                rate,
                open.all().count() / seconds,
                cpuPercent(pid, cpu0, nanos),
                cpuPercent(SELF, self0, nanos));
    }

    /** Process {@code of}'s CPU since {@code ticks0}, in % of one core over {@code nanos}. */
    private double cpuPercent(long of, long ticks0, long nanos) {
        return (ProcStats.cpuTicks(of) - ticks0) * 100.0 / clkTck / (nanos / 1e9);
    }

    private String login(String name, String password) throws Exception {
        String body = JSON.writeValueAsString(Map.of("name", name, "password", password));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login " + name + ": " + response.statusCode() + " " + response.body());
        }
        return response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("callgate_session="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("login " + name + ": no session cookie"));
    }

    private List<String> recordings(String cookie) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/recordings?limit=200"))
                        .timeout(TIMEOUT)
                        .header("Cookie", cookie)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("recordings: " + response.statusCode() + " " + response.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode r : JSON.readTree(response.body())) {
            ids.add(r.path("callId").asText());
        }
        return ids;
    }

    /** Plays {@code count} recordings one after the other (round robin), timing headers and first byte. */
    private void streamStarts(String cookie, List<String> calls, int count, WebLatencies first, WebLatencies... more)
            throws Exception {
        for (int k = 0; k < count; k++) {
            String id = calls.get(k % calls.size());
            HttpRequest request = HttpRequest.newBuilder(
                            base.resolve("/api/v1/recordings/" + URLEncoder.encode(id, UTF_8) + "/audio?reason=bench"))
                    .timeout(TIMEOUT)
                    .header("Cookie", cookie)
                    .header("Range", "bytes=0-")
                    .GET()
                    .build();
            long t0 = System.nanoTime();
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long headersAt = System.nanoTime();
            try (InputStream body = r.body()) {
                int b = body.read();
                long firstAt = System.nanoTime();
                body.transferTo(OutputStream.nullOutputStream());
                if (r.statusCode() != 206 || b < 0) {
                    first.error();
                    continue;
                }
                first.add(firstAt - t0, true);
                if (more.length > 0) {
                    more[0].add(headersAt - t0, true);
                }
            }
        }
    }
}
