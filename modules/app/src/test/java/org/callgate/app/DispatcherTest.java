package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two callgate nodes behind Kamailio running the shipped {@code config/kamailio/dispatcher.cfg}
 * (ADR 0017), with real peers: SIPp and a test caller call through Kamailio, the nodes call one
 * SIPp agent queue through it too ({@code sip.outbound-proxy}), and Kamailio probes the nodes with
 * OPTIONS. New calls are spread over both nodes; each call's ACK and BYE follow its record-route
 * to the node that has it; a node put into drain by {@code callgate drain} answers OPTIONS 503, is
 * taken out by the probe and keeps its call to the end; a node whose SIP stops is passed over.
 */
@ExtendWith(SippRequired.class)
class DispatcherTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String PRIVATE_LINE = "022785044";
    /** Kamailio's probe interval here; the shipped 2 s works too, more slowly. */
    private static final int PROBE_SECONDS = 1;

    @TempDir
    Path dir;

    private KamailioDispatcher kamailio;
    private GatewayFixture a;
    private GatewayFixture b;
    private int agentPort;
    private Sipp agent;

    @BeforeEach
    void twoNodesBehindKamailioAndOneAgentQueue() throws Exception {
        String missing = "kamailio is not installed: run scripts/test";
        if ("1".equals(System.getenv("CALLGATE_REQUIRE_ALL"))) {
            assertThat(KamailioDispatcher.installed()).as(missing).isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(KamailioDispatcher.installed(), missing);
        kamailio = new KamailioDispatcher(dir.resolve("kamailio"));
        agentPort = FreePorts.udpAndTcp();
        a = node("a", 42000);
        b = node("b", 48000);
        agent = Sipp.scenario(agentThroughTheProxy())
                .localPort(agentPort)
                .mediaPort(FreePorts.udpRange(52000, 100))
                .workDir(dir)
                .calls(0)
                .arg("-rtp_echo")
                .timeout(Duration.ofMinutes(2))
                .start();
    }

    @AfterEach
    void stopEverythingThisTestStarted() throws Exception {
        try (var k = kamailio;
                var first = a;
                var second = b;
                var queue = agent) {
            // closed in reverse order: the agent, the nodes, then Kamailio
        }
    }

    @Test
    void newCallsGoToBothNodesAndEachCallsAckAndByeReachTheNodeThatHasIt() throws Exception {
        kamailio.start(List.of(a.sipPort, b.sipPort), PROBE_SECONDS);

        SippResult calls = callThroughKamailio(4);

        assertThat(calls.allCallsSucceeded())
                .as("a BYE that reached the other node would get 481: %s\nkamailio: %s", calls, kamailio.output())
                .isTrue();
        await().atMost(LIMIT).until(() -> a.ended.size() + b.ended.size() == 4);
        List<CallSummary> onA = ended(a, a.ended.size());
        List<CallSummary> onB = ended(b, b.ended.size());
        assertThat(onA).as("round robin: each node takes some").isNotEmpty();
        assertThat(onB).as("round robin: each node takes some").isNotEmpty();
        assertThat(onA.size() + onB.size()).isEqualTo(4);
        assertThat(onA).allSatisfy(call -> assertThat(call.reason()).isEqualTo(EndReason.CALLER_HANGUP));
        assertThat(onB).allSatisfy(call -> assertThat(call.reason()).isEqualTo(EndReason.CALLER_HANGUP));
    }

    @Test
    void aDrainingNodeAnswersOptions503IsTakenOutByTheProbeAndKeepsItsCallUntilTheCallerHangsUp() throws Exception {
        kamailio.start(List.of(a.sipPort, b.sipPort), PROBE_SECONDS);
        try (RawCaller held = new RawCaller(kamailio.port)) {
            held.call(PRIVATE_LINE);
            await().atMost(LIMIT).until(() -> a.gateway.activeCalls() + b.gateway.activeCalls() == 1);
            GatewayFixture holder = a.gateway.activeCalls() == 1 ? a : b;
            GatewayFixture other = holder == a ? b : a;

            StringWriter drainOutput = new StringWriter();
            CompletableFuture<Integer> drain =
                    CompletableFuture.supplyAsync(() -> callgate(drainOutput, "drain", holder, "--timeout", "60s"));

            await().atMost(LIMIT).until(() -> kamailio.inactive(holder.sipPort));
            assertThat(options(holder.sipPort))
                    .as("the probe's answer")
                    .startsWith("SIP/2.0 503 Draining")
                    .contains("Retry-After: 7");
            assertThat(options(other.sipPort)).startsWith("SIP/2.0 200 OK");

            SippResult calls = callThroughKamailio(3);
            assertThat(calls.allCallsSucceeded()).as("%s", calls).isTrue();
            assertThat(ended(other, 3))
                    .allSatisfy(call -> assertThat(call.reason()).isEqualTo(EndReason.CALLER_HANGUP));
            assertThat(holder.gateway.activeCalls()).as("only its own call").isEqualTo(1);
            assertThat(holder.ended).as("no new call reached the draining node").isEmpty();
            assertThat(drain).as("the drain waits for the held call").isNotDone();

            assertThat(held.hangUpAnswered(PRIVATE_LINE)).isEqualTo("200 OK");
            assertThat(holder.nextEndedCall().reason()).isEqualTo(EndReason.CALLER_HANGUP);
            assertThat(drain.get(LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("%s", drainOutput)
                    .isZero();
            assertThat(drainOutput.toString())
                    .contains("draining: new calls and OPTIONS get 503; 1 call in progress")
                    .contains("drained: no call in progress");

            StringWriter undoOutput = new StringWriter();
            assertThat(callgate(undoOutput, "drain", holder, "--undo")).isZero();
            assertThat(undoOutput.toString()).contains("serving: new calls are taken");
            assertThat(options(holder.sipPort)).startsWith("SIP/2.0 200 OK");
            await().atMost(LIMIT).until(() -> kamailio.active(holder.sipPort));
        }
    }

    @Test
    void whenANodesSipStopsNewCallsGoToTheOtherNodeWithinFiveSeconds() throws Exception {
        kamailio.start(List.of(a.sipPort, b.sipPort), PROBE_SECONDS);

        a.close();
        long stopped = System.nanoTime();

        for (int i = 0; i < 2; i++) {
            try (RawCaller caller = new RawCaller(kamailio.port)) {
                long dialled = System.nanoTime();
                caller.call(PRIVATE_LINE);
                assertThat(Duration.ofNanos(System.nanoTime() - dialled))
                        .as("answered by the other node, a dead one passed over after Kamailio's fr_timer (2 s)")
                        .isLessThan(Duration.ofSeconds(5));
                assertThat(caller.hangUpAnswered(PRIVATE_LINE)).isEqualTo("200 OK");
            }
            assertThat(b.nextEndedCall().reason()).isEqualTo(EndReason.CALLER_HANGUP);
        }
        await().atMost(LIMIT).until(() -> kamailio.inactive(a.sipPort));
        assertThat(Duration.ofNanos(System.nanoTime() - stopped))
                .as("the probe took the stopped node out")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(kamailio.output()).contains("callgate node down: sip:127.0.0.1:" + a.sipPort);
    }

    @Test
    void aNewCallThatReachesADrainingNodeBeforeAnyProbeIsPassedOnToTheOtherNode() throws Exception {
        kamailio.start(List.of(a.sipPort, b.sipPort), 0);
        StringWriter drainOutput = new StringWriter();
        assertThat(callgate(drainOutput, "drain", a, "--no-wait"))
                .as("%s", drainOutput)
                .isZero();
        assertThat(kamailio.active(a.sipPort))
                .as("no probe: Kamailio still takes the node for active")
                .isTrue();

        SippResult calls = callThroughKamailio(4);

        assertThat(calls.allCallsSucceeded())
                .as("%s\nkamailio: %s", calls, kamailio.output())
                .isTrue();
        assertThat(ended(b, 4)).allSatisfy(call -> assertThat(call.reason()).isEqualTo(EndReason.CALLER_HANGUP));
        assertThat(a.ended).isEmpty();
        assertThat(kamailio.output())
                .as("round robin offered the draining node some of them; its 503 sent each to the next node")
                .contains("callgate node sip:127.0.0.1:" + a.sipPort + " refused INVITE with 503");
    }

    private GatewayFixture node(String name, int rtpFrom) throws Exception {
        return GatewayFixture.node(
                Files.createDirectories(dir.resolve(name)),
                """
                service-lines:
                  - {id: private, name: Private customers, number: 02 278 50 44, queue: "sip:private@127.0.0.1:%d"}
                prompts-dir: ${PROMPTS}
                """.formatted(agentPort),
                "  transports: [udp]\n  outbound-proxy: sip:127.0.0.1:" + kamailio.port + "\n",
                "2m",
                rtpFrom);
    }

    /** {@code count} short calls from SIPp to Kamailio, one after the other; ACK and BYE follow the routes. */
    private SippResult callThroughKamailio(int count) throws Exception {
        try (Sipp caller = Sipp.scenario(GatewayFixture.scenario("uac-routed.xml"))
                .remote("127.0.0.1:" + kamailio.port)
                .localPort(FreePorts.udpAndTcp())
                .mediaPort(FreePorts.udpRange(54000, 100))
                .service(PRIVATE_LINE)
                .workDir(dir)
                .calls(count)
                .concurrentLimit(1)
                .arg("-d", "200")
                .timeout(LIMIT)
                .start()) {
            return caller.await(LIMIT);
        }
    }

    /**
     * The shipped agent scenario, failing a call whose INVITE did not come through Kamailio (its
     * Record-Route) from a node that sent it there ({@code sip.outbound-proxy}).
     */
    private Path agentThroughTheProxy() throws IOException {
        String scenario = Files.readString(GatewayFixture.scenario("uas-answer.xml"), StandardCharsets.ISO_8859_1);
        String check = "<action>\n      <ereg regexp=\"Record-Route: &lt;sip:127.0.0.1:" + kamailio.port
                + ";lr\" search_in=\"msg\" check_it=\"true\" assign_to=\"dummy\"/>";
        Path agent = dir.resolve("uas-answer-proxied.xml");
        Files.writeString(agent, scenario.replaceFirst("<action>", check), StandardCharsets.ISO_8859_1);
        return agent;
    }

    /** {@code callgate <command> --config <node's file> <args>} in this JVM, its output written to {@code out}. */
    private static int callgate(StringWriter out, String command, GatewayFixture node, String... args) {
        List<String> all =
                new ArrayList<>(List.of(command, "--config", node.configFile().toString()));
        all.addAll(List.of(args));
        PrintWriter writer = new PrintWriter(out, true);
        return new CommandLine(new Main()).setOut(writer).setErr(writer).execute(all.toArray(String[]::new));
    }

    /** The calls that ended on {@code node}: exactly {@code count}, waited for one by one. */
    private static List<CallSummary> ended(GatewayFixture node, int count) throws InterruptedException {
        List<CallSummary> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(node.nextEndedCall());
        }
        return calls;
    }

    /** An out-of-dialog OPTIONS straight to a node, as Kamailio's probe sends it; its answer. */
    private static String options(int port) throws IOException {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            udp.setSoTimeout(5000);
            String request = "OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + udp.getLocalPort() + ";branch=z9hG4bK-" + UUID.randomUUID()
                    + ";rport\r\n"
                    + "From: <sip:probe@127.0.0.1>;tag=probe\r\n"
                    + "To: <sip:127.0.0.1:" + port + ">\r\n"
                    + "Call-ID: " + UUID.randomUUID() + "\r\n"
                    + "CSeq: 1 OPTIONS\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            byte[] buffer = new byte[8192];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            udp.receive(answer);
            return new String(buffer, 0, answer.getLength(), StandardCharsets.US_ASCII);
        }
    }
}
