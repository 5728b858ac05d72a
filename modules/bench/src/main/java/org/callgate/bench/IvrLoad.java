package org.callgate.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * IVR load generator: N concurrent SIP/RTP callers over UDP on loopback against a running callgate.
 *
 * <p>Each caller sends INVITE (PCMA 8 + telephone-event 101, its own RTP socket), ACKs the 200,
 * measures RTP inter-arrival jitter (|gap - 20 ms|, gaps over 100 ms ignored) of the prompt until
 * it sends one RFC 4733 key at {@code --dtmf-ms} after the answer, and sends BYE at
 * {@code --window-ms} after the answer. A tiny agent SIP server on {@code --agent-port} answers
 * callgate's agent-leg INVITEs and records {@code X-Callgate-Ivr-Path} per caller (matched by the
 * caller's From display name, which callgate passes on). Prints a report and one markdown row.
 * What a caller sends and answers is {@link IvrScenario}'s part; this class runs the step.
 *
 * <p>Args ({@code --key value}): sip-port 26060, agent-port 26070, calls 100, ramp-ms 2000,
 * window-ms 8000, dtmf-ms 6000, key 1, expect-path 1, expect-user bench-one, number 022011111,
 * pid 0 (callgate pid for CPU/RSS), clk-tck 100, label "".
 */
@SuppressForbidden("a load generator measures elapsed time with System.nanoTime and prints its report")
public final class IvrLoad {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long MS = 1_000_000L;

    private final Map<String, String> args;
    private final int sipPort;
    private final int agentPort;
    private final int calls;
    private final long rampNs;
    private final long windowNs;
    private final long dtmfNs;
    private final String number;
    private final int key;

    private final List<IvrCaller> callers = new ArrayList<>();
    private volatile JitterRecorder jitter;
    private IvrAgent agentServer;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "ivrload-timer");
        t.setDaemon(true);
        return t;
    });
    private DatagramSocket sip;
    private DatagramSocket agent;
    private Selector selector;
    private volatile boolean running = true;

    private IvrLoad(Map<String, String> args) {
        this.args = args;
        this.sipPort = intArg("sip-port", 26060);
        this.agentPort = intArg("agent-port", 26070);
        this.calls = intArg("calls", 100);
        this.rampNs = intArg("ramp-ms", 2000) * MS;
        this.windowNs = intArg("window-ms", 8000) * MS;
        this.dtmfNs = intArg("dtmf-ms", 6000) * MS;
        this.number = args.getOrDefault("number", "022011111");
        String k = args.getOrDefault("key", "1");
        this.key = switch (k) {
            case "*" -> 10;
            case "#" -> 11;
            default -> Integer.parseInt(k);
        };
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --key value, got " + argv[i]);
            }
            args.put(argv[i].substring(2), argv[i + 1]);
        }
        PrintWriter out =
                new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), UTF_8), true);
        new IvrLoad(args).run(out);
        out.flush();
        System.exit(0);
    }

    private int intArg(String name, int fallback) {
        return Integer.parseInt(args.getOrDefault(name, Integer.toString(fallback)));
    }

    private void run(PrintWriter out) throws Exception {
        sip = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        sip.setReceiveBufferSize(8 << 20);
        IvrScenario scenario = new IvrScenario(sip, sipPort, number, key, dtmfNs, windowNs, timer, () -> running);
        agent = new DatagramSocket(new InetSocketAddress(LOOPBACK, agentPort));
        agent.setReceiveBufferSize(8 << 20);
        selector = Selector.open();
        for (int i = 0; i < calls; i++) {
            DatagramChannel channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(LOOPBACK, 0));
            channel.configureBlocking(false);
            IvrCaller caller = new IvrCaller(i, channel);
            channel.register(selector, SelectionKey.OP_READ, caller);
            callers.add(caller);
            scenario.add(caller);
        }
        Thread rtpThread = platform("ivrload-rtp", new IvrRtpReceiver(selector, () -> running, () -> jitter));
        Thread sipThread = platform("ivrload-sip", () -> SipText.serve(sip, scenario::onSip));
        agentServer = new IvrAgent(agent, callers);
        Thread agentThread = platform("ivrload-agent", agentServer::run);
        rtpThread.setPriority(Thread.MAX_PRIORITY);

        long pid = Long.parseLong(args.getOrDefault("pid", "0"));
        long start = System.nanoTime();
        jitter = new JitterRecorder(start, rampNs, dtmfNs);
        for (IvrCaller caller : callers) {
            long at = rampNs * caller.index / Math.max(1, calls);
            timer.schedule(() -> scenario.invite(caller), at, TimeUnit.NANOSECONDS);
        }
        sleepUntil(start + rampNs);
        long cpu0 = ProcStats.cpuTicks(pid);
        long self0 = ProcStats.cpuTicks(ProcessHandle.current().pid());
        long wall0 = System.nanoTime();
        sleepUntil(start + windowNs);
        long cpu1 = ProcStats.cpuTicks(pid);
        long self1 = ProcStats.cpuTicks(ProcessHandle.current().pid());
        long wall1 = System.nanoTime();
        long rssKb = ProcStats.rssKb(pid);
        // Wait for the last BYEs (sent at answer + window) to be answered.
        long deadline = start + rampNs + windowNs + 4000 * MS;
        while (System.nanoTime() < deadline && !allDone()) {
            Thread.sleep(100);
        }
        running = false;
        timer.shutdownNow();
        selector.wakeup();
        rtpThread.join(2000);
        sip.close();
        agent.close();
        sipThread.join(2000);
        agentThread.join(2000);
        IvrLoadReport.print(
                out,
                args,
                callers,
                Math.min(windowNs, dtmfNs),
                agentServer.invites(),
                jitter,
                new IvrLoadReport.Usage(cpu1 - cpu0, self1 - self0, wall1 - wall0, rssKb));
    }

    private boolean allDone() {
        for (IvrCaller c : callers) {
            if (!c.failed && !(c.okNs != 0 && c.byeAnswered)) {
                return false;
            }
        }
        return true;
    }

    private static Thread platform(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleepUntil(long ns) throws InterruptedException {
        long left = ns - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
