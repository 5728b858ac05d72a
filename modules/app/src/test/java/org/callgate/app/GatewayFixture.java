package org.callgate.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.callgate.app.config.ConfigLoader;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallObserver;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.LiveCall;
import org.callgate.core.ivr.CallIndex;

/**
 * callgate started from a real YAML file on free loopback ports, with a SIPp agent queue port
 * and RTP ranges kept apart so that no two peers share media ports.
 */
final class GatewayFixture implements AutoCloseable {

    /** Where the fixtures of tests that run one at a time search for their RTP ports. */
    private static final int RTP_FROM = 42000;

    final Path dir;
    final int sipPort;
    final int agentPort;
    final int rtpMin;
    final Callgate gateway;
    final BlockingQueue<CallSummary> ended = new LinkedBlockingQueue<>();
    /** Calls an agent answered, as the live panel hears of them. */
    final BlockingQueue<LiveCall> answered = new LinkedBlockingQueue<>();

    private int nextMediaBase;

    private GatewayFixture(Path dir, int maxCalls, String inactivity, String serviceLines) throws Exception {
        this(dir, maxCalls, inactivity, serviceLines, CallIndex.EMPTY, "20s", 0, Clock.systemUTC());
    }

    private GatewayFixture(
            Path dir,
            int maxCalls,
            String inactivity,
            String serviceLines,
            CallIndex callers,
            String noAnswer,
            int setupRate,
            Clock clock)
            throws Exception {
        this(dir, maxCalls, inactivity, serviceLines, callers, noAnswer, setupRate, clock, null, RTP_FROM, null);
    }

    private GatewayFixture(
            Path dir,
            int maxCalls,
            String inactivity,
            String serviceLines,
            CallIndex callers,
            String noAnswer,
            int setupRate,
            Clock clock,
            String store,
            int rtpFrom,
            String sipTransports)
            throws Exception {
        this.dir = dir;
        this.sipPort = FreePorts.udpAndTcp();
        this.agentPort = FreePorts.udpAndTcp();
        this.rtpMin = rtpRangeAvoiding(rtpFrom, sipPort, agentPort);
        this.nextMediaBase = rtpMin + 400;
        Path config = dir.resolve("callgate.yaml");
        String storeYaml = store != null
                ? store
                : "store:\n  path: " + dir.resolve("store") + "\n  spool: " + dir.resolve("spool") + "\n";
        String transports = sipTransports == null ? "  transports: [udp, tcp]\n" : sipTransports;
        Files.writeString(
                config,
                yaml(maxCalls, inactivity, noAnswer, setupRate).replace("  transports: [udp, tcp]\n", transports)
                        + storeYaml
                        + (serviceLines == null ? directLines() : serviceLines)
                                .replace("${AGENT}", "127.0.0.1:" + agentPort)
                                .replace("${PROMPTS}", PROMPTS.toString())
                                .replace("${DIR}", dir.toString()));
        this.gateway = Callgate.start(
                ConfigLoader.load(config),
                clock,
                new CallObserver() {
                    @Override
                    public void callEnded(CallSummary summary) {
                        ended.add(summary);
                    }

                    @Override
                    public void callAnswered(LiveCall call) {
                        answered.add(call);
                    }
                },
                callers);
    }

    /** A free RTP range that holds neither SIP port (they come from the same ephemeral range). */
    private static int rtpRangeAvoiding(int from, int... sipPorts) {
        while (true) {
            int base = FreePorts.udpRange(from, 200);
            int end = base + 599; // callgate's 200 ports plus the SIPp media ports handed out above it
            if (java.util.Arrays.stream(sipPorts).noneMatch(port -> port >= base && port <= end)) {
                return base;
            }
            from = base + 600;
        }
    }

    static GatewayFixture start(Path dir) throws Exception {
        return new GatewayFixture(dir, 100, "20s", null);
    }

    static GatewayFixture withCallLimit(Path dir, int maxCalls) throws Exception {
        return new GatewayFixture(dir, maxCalls, "20s", null);
    }

    static GatewayFixture withMediaTimeout(Path dir, String inactivity) throws Exception {
        return new GatewayFixture(dir, 100, inactivity, null);
    }

    /**
     * For a test class that runs beside the others ({@code @Execution(CONCURRENT)}): its RTP
     * ports are searched from {@code rtpFrom}, far from where the other fixtures take theirs.
     */
    static GatewayFixture besideOthers(Path dir, String inactivity, int rtpFrom) throws Exception {
        return new GatewayFixture(
                dir, 100, inactivity, null, CallIndex.EMPTY, "20s", 0, Clock.systemUTC(), null, rtpFrom, null);
    }

    /**
     * callgate with the given {@code service-lines:} (and optional {@code prompts-dir:}) YAML;
     * {@code ${AGENT}} stands for the SIPp agent queue's address, {@code ${PROMPTS}} for the
     * repository's prompt directory.
     */
    static GatewayFixture withLines(Path dir, String serviceLines) throws Exception {
        return new GatewayFixture(dir, 100, "20s", serviceLines);
    }

    /** Like {@link #withLines(Path, String)}, with its own {@code store:} section (YAML). */
    static GatewayFixture withStore(Path dir, String serviceLines, String store) throws Exception {
        return new GatewayFixture(
                dir, 100, "20s", serviceLines, CallIndex.EMPTY, "20s", 0, Clock.systemUTC(), store, RTP_FROM, null);
    }

    /**
     * Like {@link #withLines(Path, String)}, with the {@code transports:} line (and any keys
     * after it, such as {@code tls:}) of the {@code sip:} section given, indented by two spaces.
     */
    static GatewayFixture withSipTransports(Path dir, String serviceLines, String sipTransports) throws Exception {
        return new GatewayFixture(
                dir,
                100,
                "20s",
                serviceLines,
                CallIndex.EMPTY,
                "20s",
                0,
                Clock.systemUTC(),
                null,
                RTP_FROM,
                sipTransports);
    }

    /**
     * One of several nodes behind a proxy ({@code DispatcherTest}): its service lines and {@code
     * sip:} keys as in {@link #withSipTransports}, the media inactivity time, and RTP ports searched
     * from {@code rtpFrom} so that the nodes' ranges stay apart.
     */
    static GatewayFixture node(Path dir, String serviceLines, String sipTransports, String inactivity, int rtpFrom)
            throws Exception {
        return new GatewayFixture(
                dir,
                100,
                inactivity,
                serviceLines,
                CallIndex.EMPTY,
                "20s",
                0,
                Clock.systemUTC(),
                null,
                rtpFrom,
                sipTransports);
    }

    /** The configuration file this gateway was started from. */
    Path configFile() {
        return dir.resolve("callgate.yaml");
    }

    /** Like {@link #withLines(Path, String)}, with known callers for caller identification. */
    static GatewayFixture withLines(Path dir, String serviceLines, CallIndex callers) throws Exception {
        return new GatewayFixture(dir, 100, "20s", serviceLines, callers, "20s", 0, Clock.systemUTC());
    }

    /** Like {@link #withLines(Path, String)}, identifying callers from callgate's own index, as in production. */
    static GatewayFixture withOwnIndex(Path dir, String serviceLines) throws Exception {
        return new GatewayFixture(dir, 100, "20s", serviceLines, null, "20s", 0, Clock.systemUTC());
    }

    /** Like {@link #withLines(Path, String)}, with another {@code calls.no-answer-timeout}. */
    static GatewayFixture withLines(Path dir, String serviceLines, String noAnswer) throws Exception {
        return new GatewayFixture(dir, 100, "20s", serviceLines, CallIndex.EMPTY, noAnswer, 0, Clock.systemUTC());
    }

    /**
     * The default lines with {@code calls.max-setup-rate} and a clock that stands still, so the
     * rate's token bucket never refills during the test.
     */
    static GatewayFixture withSetupRateAndStoppedClock(Path dir, int perSecond) throws Exception {
        return new GatewayFixture(
                dir,
                100,
                "20s",
                null,
                CallIndex.EMPTY,
                "20s",
                perSecond,
                Clock.fixed(java.time.Instant.parse("2026-11-25T10:00:00Z"), java.time.ZoneOffset.UTC));
    }

    /** The prompts shipped in the repository (tests run in the module directory). */
    static final Path PROMPTS = Path.of("../../config/prompts").toAbsolutePath().normalize();

    private String yaml(int maxCalls, String inactivity, String noAnswer, int setupRate) {
        return """
                sip:
                  listen-address: 127.0.0.1
                  port: %d
                  transports: [udp, tcp]
                media:
                  address: 127.0.0.1
                  rtp-port-min: %d
                  rtp-port-max: %d
                  inactivity-timeout: %s
                calls:
                  max-concurrent: %d
                  retry-after: 7s
                  no-answer-timeout: %s
                  max-setup-rate: %d
                web:
                  port: 0
                """.formatted(sipPort, rtpMin, rtpMin + 199, inactivity, maxCalls, noAnswer, setupRate);
    }

    private static String directLines() {
        return """
                service-lines:
                  - {id: private, name: Private customers, number: 02 278 50 44, queue: "sip:private@${AGENT}"}
                  - {id: business, name: Business customers, number: 02 201 11 11, queue: "sip:business@${AGENT}"}
                prompts-dir: ${PROMPTS}
                """;
    }

    /** Media ports for SIPp peers a test starts itself. */
    int mediaPort() {
        return nextMediaPort();
    }

    /** A SIPp caller towards callgate. */
    Sipp.Builder caller(String scenario, String dialled) {
        return caller(scenario(scenario), dialled);
    }

    /** A SIPp caller towards callgate, from a scenario written by the test. */
    Sipp.Builder caller(Path scenario, String dialled) {
        return Sipp.scenario(scenario)
                .remote("127.0.0.1:" + sipPort)
                .localPort(FreePorts.udpAndTcp())
                .mediaPort(nextMediaPort())
                .service(dialled)
                .workDir(dir)
                .timeout(Duration.ofSeconds(30));
    }

    /** A SIPp agent queue where the configured queue URIs point. */
    Sipp.Builder agent(String scenario) {
        return agent(scenario(scenario));
    }

    /** A SIPp agent queue from a scenario written by the test. */
    Sipp.Builder agent(Path scenario) {
        return Sipp.scenario(scenario)
                .localPort(agentPort)
                .mediaPort(nextMediaPort())
                .workDir(dir)
                .timeout(Duration.ofSeconds(40));
    }

    /**
     * One short call to {@code dialled} (a caller that talks half a second, the agent queue echoing
     * RTP), asserted to succeed on both sides; returns the call as it ended. The agent is listening
     * before the caller starts ({@link Sipp.Builder#start()} waits for it) and has hung up before
     * this returns, so consecutive short calls never see each other's messages.
     */
    CallSummary shortCall(String dialled) throws Exception {
        Duration limit = Duration.ofSeconds(40);
        try (Sipp agent = agent("uas-answer.xml").calls(1).arg("-rtp_echo").start();
                Sipp caller = caller("uac-short.xml", dialled)
                        .calls(1)
                        .arg("-d", "500")
                        .timeout(limit)
                        .start()) {
            SippResult result = caller.await(limit);
            if (!result.allCallsSucceeded()) {
                throw new AssertionError("caller: " + result + "\nagent: " + agent.output());
            }
            // The agent exits once it has answered callgate's BYE: stopping it earlier would leave
            // that BYE to be retransmitted into the next call's agent on the same port.
            SippResult answered = agent.await(limit);
            if (!answered.allCallsSucceeded()) {
                throw new AssertionError("agent: " + answered);
            }
        }
        return nextEndedCall();
    }

    CallSummary nextEndedCall() throws InterruptedException {
        CallSummary summary = ended.poll(30, TimeUnit.SECONDS);
        if (summary == null) {
            throw new AssertionError("no call ended within 30 s");
        }
        return summary;
    }

    private synchronized int nextMediaPort() {
        int port = FreePorts.udpRange(nextMediaBase, 100);
        nextMediaBase = port + 100;
        return port;
    }

    static Path scenario(String name) {
        try {
            return Path.of(GatewayFixture.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no SIPp scenario " + name, e);
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
