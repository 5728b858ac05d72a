package org.callgate.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigLoader;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.ServiceLine;
import org.callgate.core.call.CallSummary;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.media.LegCounters;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code callgate demo}: starts the gateway on the embedded defaults, lets SIPp play the agent
 * queue and one caller per service line who goes through the IVR with DTMF keys, and prints what
 * callgate saw of each call. One call to a number that is no service line shows a refusal.
 */
@SuppressForbidden("a command prints its report to the terminal")
@Command(name = "demo", description = "Start callgate on embedded defaults and place real calls through it with SIPp.")
final class Demo implements Callable<Integer> {

    /** Keys each demo caller presses, per line: language, then menu choice. */
    private static final Map<String, String> KEYS =
            Map.of("private", "11", "business", "21", "riziv-inami", "31", "traffic-fines", "12");

    @Option(
            names = "--talk",
            paramLabel = "SECONDS",
            defaultValue = "3",
            description = "conversation length per call (default: ${DEFAULT-VALUE})")
    int talkSeconds;

    @Option(
            names = "--dossiers",
            paramLabel = "N",
            defaultValue = "500",
            description = "generated dossiers to search in the web UI (default: ${DEFAULT-VALUE})")
    int dossiers;

    @Option(names = "--exit", description = "stop after the calls' report instead of serving the web UI until Ctrl-C")
    boolean exit;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (!Sipp.installed()) {
            System.err.println("callgate demo: SIPp is not installed (Debian: apt-get install sip-tester)");
            return Main.STARTUP_FAILED;
        }
        Path work = Files.createTempDirectory("callgate-demo");
        CallgateConfig config = DemoSeed.withStoreIn(ConfigLoader.defaults(), work);
        ConcurrentLinkedQueue<CallSummary> ended = new ConcurrentLinkedQueue<>();
        if (dossiers < 0) {
            System.err.println("callgate demo: --dossiers must be 0 or more");
            return 2;
        }
        try {
            DemoSeed.generate(config, dossiers, dossiers * 3L);
        } catch (StartupException e) {
            System.err.println("callgate demo: " + e.getMessage());
            return Main.STARTUP_FAILED;
        }
        Instant started = Clock.systemUTC().instant();
        try (Callgate callgate = Callgate.start(config, Clock.systemUTC(), ended::add)) {
            List<ServiceLine> lines = config.directory().lines();
            out.printf(
                    Locale.ROOT,
                    "callgate is up: SIP on %s:%d, %d service lines; SIPp answers as the agent queue.%n%n",
                    config.sip().listenAddress(),
                    config.sip().port(),
                    lines.size());
            DemoSeed.callersDossier(callgate.dossiers());
            List<DemoSeed.DemoUser> users = DemoSeed.users(UserCommand.file(config.store()), Clock.systemUTC());
            callgate.webUrl().ifPresent(url -> DemoSeed.printWeb(out, url, users, dossiers));
            boolean ok = placeCalls(config, lines, work);
            awaitEnded(ended, lines.size());
            report(new ArrayList<>(ended));
            reportRecordings(callgate);
            reportIndex(callgate, started);
            int status = ok && ended.size() == lines.size() ? 0 : 1;
            if (!exit && callgate.webUrl().isPresent()) {
                DemoSeed.serveUntilStopped(out, callgate, callgate.webUrl().get());
            }
            return status;
        } catch (StartupException e) {
            System.err.println("callgate demo: " + e.getMessage());
            return Main.STARTUP_FAILED;
        }
    }

    private boolean placeCalls(CallgateConfig config, List<ServiceLine> lines, Path work) throws IOException {
        String gateway = config.sip().listenAddress() + ":" + config.sip().port();
        Duration limit = Duration.ofSeconds(talkSeconds + 60L);
        Path agentScenario = IvrScenarios.agentExpecting(work, "agent", Map.of());
        try (Sipp agent = Sipp.scenario(agentScenario)
                .localPort(agentPort(lines))
                .mediaPort(17000)
                .calls(lines.size())
                .arg("-rtp_echo", "-d", Long.toString(talkSeconds * 1000L))
                .workDir(work)
                .timeout(limit)
                .start()) {
            List<Sipp> callers = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                ServiceLine line = lines.get(i);
                String keys = KEYS.getOrDefault(line.id(), "10");
                out.printf(
                        Locale.ROOT,
                        "  calling %-20s %s, pressing %s%n",
                        line.name(),
                        line.number(),
                        String.join(" then ", keys.split("")));
                callers.add(Sipp.scenario(callerScenario(work, line.id(), keys))
                        .remote(gateway)
                        .localPort(5080 + i)
                        .mediaPort(16000 + 100 * i)
                        .service(line.number().e164())
                        .workDir(work)
                        .timeout(limit)
                        .start());
            }
            out.printf(Locale.ROOT, "  calling %-20s %s (no service line)%n%n", "an unknown number", "+3225550000");
            SippResult refused = Sipp.scenario(extract(work, "uac-expect-404.xml"))
                    .remote(gateway)
                    .localPort(5079)
                    .service("+3225550000")
                    .workDir(work)
                    .start()
                    .await(limit);
            boolean ok = refused.allCallsSucceeded();
            for (Sipp caller : callers) {
                ok &= caller.await(limit).allCallsSucceeded();
            }
            out.printf(
                    Locale.ROOT,
                    "unknown number: %s%n%n",
                    refused.allCallsSucceeded()
                            ? "refused with 404 No Such Service Number"
                            : "NOT refused as expected");
            return ok;
        }
    }

    private static Path callerScenario(Path work, String line, String keys) throws IOException {
        // The language key cuts the language menu short; the menu key waits until the greeting
        // and the recording notice, which every caller must hear (R7), are over.
        IvrScenarios scenario = new IvrScenarios()
                .pause(400)
                .rfc4733(keys.charAt(0))
                .pause(13_500)
                .rfc4733(keys.charAt(1));
        // Speak once the agent is on the line: after the banking notice (R8) for Postinfo callers.
        return scenario.pause("private".equals(line) ? 9500 : 1500).audio().caller(work, "caller-" + line);
    }

    /** What reached the store: one WAV and one metadata JSON per recorded call (R4, R7, R8). */
    private void reportRecordings(Callgate callgate) throws Exception {
        for (int i = 0; i < 100 && callgate.pendingUploads() > 0; i++) {
            Thread.sleep(100);
        }
        RecordingStore store = callgate.recordingStore();
        out.printf(Locale.ROOT, "%nRecordings in the store (%s):%n", "file store under a temporary directory");
        for (ObjectKey key : store.list("recordings/")) {
            ObjectInfo info = store.head(key).orElseThrow();
            if (key.value().endsWith(".wav")) {
                out.printf(
                        Locale.ROOT,
                        "  %-58s %7d bytes  %-17s %-10s until %s%n",
                        key,
                        info.size(),
                        info.retention().retentionClass(),
                        info.retention().mode(),
                        info.retention().retainUntil());
            }
        }
    }

    /** What agents now find: each call's trace (R1), and the recordings, in the index (docs/index.md). */
    private void reportIndex(Callgate callgate, Instant started) throws InterruptedException {
        for (int i = 0; i < 100 && callgate.pendingTraces() > 0; i++) {
            Thread.sleep(100);
        }
        var dossiers = callgate.dossiers();
        dossiers.refresh();
        var traces = dossiers.search(
                SearchQuery.all().only(RecordKind.TRACE).between(started, null).page(0, 20));
        out.printf(Locale.ROOT, "%nCall traces of these calls in the index (%d, kept 1 year, R1):%n", traces.total());
        for (SearchHit hit : traces.hits()) {
            out.printf(
                    Locale.ROOT,
                    "  %-40s %-14s %-16s until %s%n",
                    hit.id(),
                    hit.service(),
                    hit.phones().isEmpty() ? "(no number)" : hit.phones().getFirst(),
                    hit.retention().retainUntil());
        }
        long recordings =
                dossiers.search(SearchQuery.all().only(RecordKind.RECORDING)).total();
        out.printf(
                Locale.ROOT,
                "Recordings in the index: %d (agents find them by caller, service, time or dossier).%n",
                recordings);
    }

    private static int agentPort(List<ServiceLine> lines) {
        String uri = lines.get(0).queueUri();
        int colon = uri.lastIndexOf(':');
        return colon > 4 ? Integer.parseInt(uri.substring(colon + 1).replaceAll("[^0-9].*", "")) : 5060;
    }

    private static void awaitEnded(ConcurrentLinkedQueue<CallSummary> ended, int expected) throws InterruptedException {
        for (int i = 0; i < 50 && ended.size() < expected; i++) {
            Thread.sleep(100);
        }
    }

    private void report(List<CallSummary> calls) {
        out.printf(
                Locale.ROOT,
                "%-14s %-14s %-14s %-5s %-6s %-14s %-6s %-24s %-24s %s%n",
                "line",
                "service",
                "caller",
                "lang",
                "keys",
                "ended by",
                "talk",
                "caller leg RTP",
                "agent leg RTP",
                "recorded");
        for (CallSummary call : calls) {
            out.printf(
                    Locale.ROOT,
                    "%-14s %-14s %-14s %-5s %-6s %-14s %-6s %-24s %-24s %s%n",
                    call.serviceLine(),
                    call.service(),
                    call.caller(),
                    call.route() == null ? "-" : call.route().language(),
                    call.route() == null ? "-" : call.route().ivrPath(),
                    call.reason(),
                    String.format(Locale.ROOT, "%.1fs", call.conversation().toMillis() / 1000.0),
                    leg(call.callerLeg()),
                    leg(call.agentLeg()),
                    call.recording() == null ? "-" : call.recording().headerValue());
        }
        out.printf(Locale.ROOT, "%nRTP counts are packets; the caller leg's 'out' includes the IVR prompts.%n");
        out.printf(
                Locale.ROOT,
                "%d calls completed through callgate.%n",
                calls.stream().filter(CallSummary::wasAnswered).count());
    }

    /** Packets received from and sent to the leg's peer; what the caller leg sent includes the prompts. */
    private static String leg(LegCounters leg) {
        return "in " + leg.packetsIn() + ", out " + leg.packetsOut();
    }

    private static Path extract(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (var in = Demo.class.getResourceAsStream("/sipp/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
