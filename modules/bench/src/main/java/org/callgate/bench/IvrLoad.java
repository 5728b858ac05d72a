package org.callgate.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.callgate.bench.SipText.branch;
import static org.callgate.bench.SipText.header;
import static org.callgate.bench.SipText.sdpAddress;
import static org.callgate.bench.SipText.send;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, IvrCaller> byCallId = new ConcurrentHashMap<>();
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
            byCallId.put(caller.callId, caller);
        }
        Thread rtpThread = platform("ivrload-rtp", new IvrRtpReceiver(selector, () -> running, () -> jitter));
        Thread sipThread = platform("ivrload-sip", () -> SipText.serve(sip, this::onCallerSip));
        agentServer = new IvrAgent(agent, callers);
        Thread agentThread = platform("ivrload-agent", agentServer::run);
        rtpThread.setPriority(Thread.MAX_PRIORITY);

        long pid = Long.parseLong(args.getOrDefault("pid", "0"));
        long start = System.nanoTime();
        jitter = new JitterRecorder(start, rampNs, dtmfNs);
        for (IvrCaller caller : callers) {
            long at = rampNs * caller.index / Math.max(1, calls);
            timer.schedule(() -> invite(caller), at, TimeUnit.NANOSECONDS);
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

    // ---------------------------------------------------------------- SIP caller side

    private void invite(IvrCaller c) {
        String sdp = "v=0\r\no=ivrload " + c.index + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + localPort(c) + " RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n";
        c.invite = request(
                c, "INVITE", "<sip:" + number + "@127.0.0.1>", 1, branch(), "Content-Type: application/sdp\r\n", sdp);
        sendSip(c.invite);
        retransmitInvite(c, 500);
    }

    private void retransmitInvite(IvrCaller c, long afterMs) {
        if (afterMs > 4000) {
            return;
        }
        timer.schedule(
                () -> {
                    if (!c.responded && running) {
                        sendSip(c.invite);
                        retransmitInvite(c, afterMs * 2);
                    }
                },
                afterMs,
                TimeUnit.MILLISECONDS);
    }

    private static int localPort(IvrCaller c) {
        try {
            return ((InetSocketAddress) c.rtp.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String request(
            IvrCaller c, String method, String to, int cseq, String branch, String headers, String body) {
        String from = String.format(Locale.ROOT, "0222%05d", c.index);
        return method + " sip:" + number + "@127.0.0.1:" + sipPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=" + branch + ";rport\r\n"
                + "From: \"ivrload-" + c.index + "\" <sip:" + from + "@127.0.0.1>;tag=" + c.fromTag + "\r\n"
                + "To: " + to + "\r\nCall-ID: " + c.callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:ivrload@127.0.0.1:" + sip.getLocalPort() + ">\r\n" + headers
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private void sendSip(String message) {
        send(sip, message, new InetSocketAddress(LOOPBACK, sipPort));
    }

    private void onCallerSip(String message, InetSocketAddress source) {
        if (!message.startsWith("SIP/2.0 ")) {
            send(sip, SipText.reply(message, 200, null, "", sip.getLocalPort()), source); // BYE etc. from callgate
            return;
        }
        IvrCaller c = byCallId.get(header(message, "Call-ID", "i"));
        if (c == null) {
            return;
        }
        int status = Integer.parseInt(message.substring(8, 11));
        String cseq = header(message, "CSeq", null);
        if (cseq.endsWith("INVITE")) {
            c.responded = true;
            if (status >= 200 && status < 300) {
                boolean first = c.okNs == 0;
                if (first) {
                    c.toHeader = header(message, "To", "t");
                    c.remoteRtp = sdpAddress(message.substring(message.indexOf("\r\n\r\n") + 4));
                }
                sendSip(request(c, "ACK", c.toHeader, 1, branch(), "", ""));
                if (first) {
                    long now = System.nanoTime();
                    c.okNs = now;
                    timer.schedule(() -> dtmf(c), dtmfNs, TimeUnit.NANOSECONDS);
                    timer.schedule(() -> bye(c, 0), windowNs, TimeUnit.NANOSECONDS);
                }
            } else if (status >= 300) {
                c.failed = true;
            }
        } else if (cseq.endsWith("BYE") && status >= 200) {
            c.byeAnswered = true;
        }
    }

    private void bye(IvrCaller c, int attempt) {
        if (c.byeAnswered || attempt > 3 || !running) {
            return;
        }
        sendSip(request(c, "BYE", c.toHeader, 2, branch(), "", ""));
        timer.schedule(() -> bye(c, attempt + 1), 500L << attempt, TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- RFC 4733 key

    private void dtmf(IvrCaller c) {
        if (!running || c.remoteRtp == null) {
            return;
        }
        c.dtmfSentNs = System.nanoTime();
        ByteBuffer[] packets = Rfc4733.keyPress(key);
        for (int i = 0; i < packets.length; i++) {
            ByteBuffer p = packets[i];
            timer.schedule(
                    () -> {
                        try {
                            c.rtp.send(p, c.remoteRtp);
                        } catch (IOException e) {
                            // socket closed at the end of the run
                        }
                    },
                    20L * i,
                    TimeUnit.MILLISECONDS);
        }
    }
}
