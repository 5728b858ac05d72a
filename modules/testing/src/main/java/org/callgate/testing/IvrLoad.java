package org.callgate.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    private final List<Caller> callers = new ArrayList<>();
    private final Map<String, Caller> byCallId = new ConcurrentHashMap<>();
    /** Every gap up to each caller's key press, set-up of the other calls included. */
    private final JitterHistogram jitter = new JitterHistogram();
    /** Gaps while all N callers sit in their prompt: from 1 s after the ramp to the first key press. */
    private final JitterHistogram plateau = new JitterHistogram();
    /** Per second since the first INVITE: packets and packets at least 5 ms off, to tell set-up from steady state. */
    private final long[] perSecondPackets = new long[64];
    private final long[] perSecondLate = new long[64];
    private volatile long startNs;
    private final AtomicInteger agentInvites = new AtomicInteger();
    private final Map<String, String> agentSeen = new ConcurrentHashMap<>();
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
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), UTF_8), true);
        new IvrLoad(args).run(out);
        out.flush();
        System.exit(0);
    }

    private int intArg(String name, int fallback) {
        return Integer.parseInt(args.getOrDefault(name, Integer.toString(fallback)));
    }

    /** One caller's state; RTP fields are written by the selector thread only. */
    private static final class Caller {
        final int index;
        final String callId;
        final String fromTag;
        final DatagramChannel rtp;
        String invite;
        volatile boolean responded;
        volatile long okNs;
        volatile boolean failed;
        volatile String toHeader;
        volatile InetSocketAddress remoteRtp;
        volatile long dtmfSentNs;
        volatile boolean byeAnswered;
        volatile String agentPath;
        volatile String agentUser;
        int packets;
        int otherPayload;
        int afterDtmf;
        long lastNs;

        Caller(int index, DatagramChannel rtp) {
            this.index = index;
            this.callId = "ivrload-" + index + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            this.fromTag = Long.toHexString(ThreadLocalRandom.current().nextLong());
            this.rtp = rtp;
        }
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
            Caller caller = new Caller(i, channel);
            channel.register(selector, SelectionKey.OP_READ, caller);
            callers.add(caller);
            byCallId.put(caller.callId, caller);
        }
        Thread rtpThread = platform("ivrload-rtp", this::rtpLoop);
        Thread sipThread = platform("ivrload-sip", this::sipLoop);
        Thread agentThread = platform("ivrload-agent", this::agentLoop);
        rtpThread.setPriority(Thread.MAX_PRIORITY);

        long pid = Long.parseLong(args.getOrDefault("pid", "0"));
        long start = System.nanoTime();
        startNs = start;
        for (Caller caller : callers) {
            long at = rampNs * caller.index / Math.max(1, calls);
            timer.schedule(() -> invite(caller), at, TimeUnit.NANOSECONDS);
        }
        sleepUntil(start + rampNs);
        long cpu0 = cpuTicks(pid);
        long self0 = cpuTicks(ProcessHandle.current().pid());
        long wall0 = System.nanoTime();
        sleepUntil(start + windowNs);
        long cpu1 = cpuTicks(pid);
        long self1 = cpuTicks(ProcessHandle.current().pid());
        long wall1 = System.nanoTime();
        long rssKb = rssKb(pid);
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
        report(out, cpu1 - cpu0, self1 - self0, wall1 - wall0, rssKb);
    }

    private boolean allDone() {
        for (Caller c : callers) {
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

    private void invite(Caller c) {
        String sdp = "v=0\r\no=ivrload " + c.index + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + localPort(c) + " RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n";
        c.invite = request(c, "INVITE", "<sip:" + number + "@127.0.0.1>", 1, branch(),
                "Content-Type: application/sdp\r\n", sdp);
        sendSip(c.invite);
        retransmitInvite(c, 500);
    }

    private void retransmitInvite(Caller c, long afterMs) {
        if (afterMs > 4000) {
            return;
        }
        timer.schedule(() -> {
            if (!c.responded && running) {
                sendSip(c.invite);
                retransmitInvite(c, afterMs * 2);
            }
        }, afterMs, TimeUnit.MILLISECONDS);
    }

    private static int localPort(Caller c) {
        try {
            return ((InetSocketAddress) c.rtp.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String request(Caller c, String method, String to, int cseq, String branch, String headers, String body) {
        String from = String.format(Locale.ROOT, "0222%05d", c.index);
        return method + " sip:" + number + "@127.0.0.1:" + sipPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=" + branch + ";rport\r\n"
                + "From: \"ivrload-" + c.index + "\" <sip:" + from + "@127.0.0.1>;tag=" + c.fromTag + "\r\n"
                + "To: " + to + "\r\nCall-ID: " + c.callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:ivrload@127.0.0.1:" + sip.getLocalPort() + ">\r\n" + headers
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static String branch() {
        return "z9hG4bK-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private void sendSip(String message) {
        send(sip, message, new InetSocketAddress(LOOPBACK, sipPort));
    }

    private static void send(DatagramSocket socket, String message, InetSocketAddress to) {
        byte[] bytes = message.getBytes(US_ASCII);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            if (!socket.isClosed()) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void sipLoop() {
        byte[] buffer = new byte[65535];
        while (running) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                sip.receive(packet);
            } catch (IOException closed) {
                return;
            }
            String message = new String(buffer, 0, packet.getLength(), US_ASCII);
            try {
                onCallerSip(message, (InetSocketAddress) packet.getSocketAddress());
            } catch (RuntimeException e) {
                // a malformed or unexpected message must not stop the caller side
            }
        }
    }

    private void onCallerSip(String message, InetSocketAddress source) {
        if (!message.startsWith("SIP/2.0 ")) {
            send(sip, reply(message, 200, null, ""), source); // BYE etc. from callgate
            return;
        }
        Caller c = byCallId.get(header(message, "Call-ID", "i"));
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

    private void bye(Caller c, int attempt) {
        if (c.byeAnswered || attempt > 3 || !running) {
            return;
        }
        sendSip(request(c, "BYE", c.toHeader, 2, branch(), "", ""));
        timer.schedule(() -> bye(c, attempt + 1), 500L << attempt, TimeUnit.MILLISECONDS);
    }

    private static InetSocketAddress sdpAddress(String sdp) {
        String host = "127.0.0.1";
        int port = -1;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("c=IN IP4 ")) {
                host = line.substring(9).trim();
            } else if (line.startsWith("m=audio ")) {
                port = Integer.parseInt(line.split(" ")[1]);
            }
        }
        return new InetSocketAddress(host, port);
    }

    // ---------------------------------------------------------------- RFC 4733 key

    private void dtmf(Caller c) {
        if (!running || c.remoteRtp == null) {
            return;
        }
        int ssrc = ThreadLocalRandom.current().nextInt();
        int timestamp = ThreadLocalRandom.current().nextInt();
        int seq = ThreadLocalRandom.current().nextInt(0, 30000);
        c.dtmfSentNs = System.nanoTime();
        // two updates (marker on the first), then the end packet three times; same timestamp
        int[] durations = {160, 320, 480, 480, 480};
        for (int i = 0; i < durations.length; i++) {
            ByteBuffer p = ByteBuffer.allocate(16);
            p.put((byte) 0x80);
            p.put((byte) ((i == 0 ? 0x80 : 0) | 101));
            p.putShort((short) (seq + i));
            p.putInt(timestamp);
            p.putInt(ssrc);
            p.put((byte) key);
            p.put((byte) ((i >= 2 ? 0x80 : 0) | 10));
            p.putShort((short) durations[i]);
            p.flip();
            timer.schedule(() -> {
                try {
                    c.rtp.send(p, c.remoteRtp);
                } catch (IOException e) {
                    // socket closed at the end of the run
                }
            }, 20L * i, TimeUnit.MILLISECONDS);
        }
    }

    // ---------------------------------------------------------------- RTP receive

    private void rtpLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        try {
            while (running) {
                selector.select(100);
                var keys = selector.selectedKeys();
                for (SelectionKey k : keys) {
                    Caller c = (Caller) k.attachment();
                    while (true) {
                        buffer.clear();
                        if (c.rtp.receive(buffer) == null) {
                            break;
                        }
                        onRtp(c, System.nanoTime(), buffer.get(1) & 0x7f);
                    }
                }
                keys.clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void onRtp(Caller c, long now, int payloadType) {
        long dtmfAt = c.dtmfSentNs;
        if (dtmfAt != 0 && now >= dtmfAt) {
            c.afterDtmf++;
            return;
        }
        c.packets++;
        if (payloadType != 8) {
            c.otherPayload++;
        }
        if (c.lastNs != 0) {
            long gap = now - c.lastNs;
            if (gap <= 100 * MS) {
                long us = Math.abs(gap - 20 * MS) / 1000;
                jitter.add(us);
                long sinceStart = now - startNs;
                if (sinceStart >= rampNs + 1000 * MS && sinceStart < dtmfNs) {
                    plateau.add(us);
                }
                int second = (int) Math.min(perSecondPackets.length - 1, (now - startNs) / (1000 * MS));
                perSecondPackets[second]++;
                if (us >= 5000) {
                    perSecondLate[second]++;
                }
            }
        }
        c.lastNs = now;
    }

    // ---------------------------------------------------------------- agent side

    private void agentLoop() {
        byte[] buffer = new byte[65535];
        while (running) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                agent.receive(packet);
            } catch (IOException closed) {
                return;
            }
            String message = new String(buffer, 0, packet.getLength(), US_ASCII);
            try {
                onAgentSip(message, (InetSocketAddress) packet.getSocketAddress());
            } catch (RuntimeException e) {
                // keep answering
            }
        }
    }

    private void onAgentSip(String message, InetSocketAddress source) {
        if (message.startsWith("SIP/2.0 ") || message.startsWith("ACK ")) {
            return;
        }
        String callId = header(message, "Call-ID", "i");
        String toTag = Integer.toHexString(callId.hashCode() & 0x7fffffff);
        if (message.startsWith("INVITE ")) {
            if (agentSeen.putIfAbsent(callId, "") == null) {
                agentInvites.incrementAndGet();
                String from = header(message, "From", "f");
                int q1 = from.indexOf("\"ivrload-");
                if (q1 >= 0) {
                    int index = Integer.parseInt(from.substring(q1 + 9, from.indexOf('"', q1 + 1)));
                    if (index < callers.size()) {
                        Caller c = callers.get(index);
                        String path = headerOrNull(message, "X-Callgate-Ivr-Path", null);
                        c.agentPath = path == null ? "" : path;
                        String requestUri = message.substring(7, message.indexOf(' ', 7));
                        c.agentUser = requestUri.substring(requestUri.indexOf(':') + 1, requestUri.indexOf('@'));
                    }
                }
            }
            String sdp = "v=0\r\no=agent 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + (agentPort + 2) + " RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\n"
                    + "a=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
            send(agent, reply(message, 200, toTag, sdp), source);
        } else {
            send(agent, reply(message, 200, toTag, ""), source); // BYE, CANCEL, INFO, ...
        }
    }

    /** A response copying Via, From, To (with a tag), Call-ID and CSeq from the request. */
    private String reply(String request, int status, String toTag, String sdp) {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append(" OK\r\n");
        for (String line : request.substring(0, request.indexOf("\r\n\r\n")).split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT) : "";
            switch (name) {
                case "via", "v", "from", "f", "call-id", "i", "cseq" -> b.append(line).append("\r\n");
                case "to", "t" -> {
                    b.append(line);
                    if (toTag != null && !line.contains(";tag=")) {
                        b.append(";tag=").append(toTag);
                    }
                    b.append("\r\n");
                }
                default -> {
                }
            }
        }
        b.append("Contact: <sip:agent@127.0.0.1:").append(agentPort).append(">\r\n");
        if (!sdp.isEmpty()) {
            b.append("Content-Type: application/sdp\r\n");
        }
        b.append("Content-Length: ").append(sdp.length()).append("\r\n\r\n").append(sdp);
        return b.toString();
    }

    private static String header(String message, String name, String compact) {
        String value = headerOrNull(message, name, compact);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }

    private static String headerOrNull(String message, String name, String compact) {
        int end = message.indexOf("\r\n\r\n");
        for (String line : message.substring(0, end < 0 ? message.length() : end).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String n = line.substring(0, colon).trim();
            if (n.equalsIgnoreCase(name) || (compact != null && n.equalsIgnoreCase(compact))) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- /proc

    private static long cpuTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        } catch (IOException e) {
            return 0;
        }
    }

    private static long rssKb(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    // ---------------------------------------------------------------- report

    private void report(PrintWriter out, long cpuTicks, long selfTicks, long wallNs, long rssKb) {
        int clkTck = intArg("clk-tck", 100);
        String expectPath = args.getOrDefault("expect-path", "1");
        String expectUser = args.getOrDefault("expect-user", "bench-one");
        int answered = 0;
        int routed = 0;
        int wrongPath = 0;
        int notRouted = 0;
        int failed = 0;
        int byeOk = 0;
        long received = 0;
        double expected = 0;
        double minRatio = Double.MAX_VALUE;
        long otherPayload = 0;
        long afterDtmf = 0;
        for (Caller c : callers) {
            if (c.failed) {
                failed++;
            }
            if (c.okNs == 0) {
                continue;
            }
            answered++;
            if (c.byeAnswered) {
                byeOk++;
            }
            if (c.agentPath == null) {
                notRouted++;
            } else if (c.agentPath.equals(expectPath) && c.agentUser.equals(expectUser)) {
                routed++;
            } else {
                wrongPath++;
            }
            long end = c.dtmfSentNs != 0 ? c.dtmfSentNs : c.okNs + Math.min(windowNs, dtmfNs);
            double exp = (end - c.okNs) / (20.0 * MS);
            expected += exp;
            received += c.packets;
            minRatio = Math.min(minRatio, c.packets / Math.max(1.0, exp));
            otherPayload += c.otherPayload;
            afterDtmf += c.afterDtmf;
        }
        double p50 = jitter.percentileMillis(0.50);
        double p99 = jitter.percentileMillis(0.99);
        double meanRecv = answered == 0 ? 0 : (double) received / answered;
        double meanExp = answered == 0 ? 0 : expected / answered;
        double cpu = wallNs == 0 ? 0 : 100.0 * cpuTicks / clkTck / (wallNs / 1e9);
        double selfCpu = wallNs == 0 ? 0 : 100.0 * selfTicks / clkTck / (wallNs / 1e9);
        String label = args.getOrDefault("label", "");
        out.printf(Locale.ROOT, "IvrLoad %s N=%d answered=%d failed=%d routed-ok=%d wrong-path=%d not-routed=%d"
                        + " agent-invites=%d bye-200=%d%n",
                label, calls, answered, failed, routed, wrongPath, notRouted, agentInvites.get(), byeOk);
        out.printf(Locale.ROOT, "  jitter samples=%d p50=%.3f ms p99=%.3f ms max=%.3f ms%n",
                jitter.samples(), p50, p99, jitter.maxMillis());
        out.printf(Locale.ROOT, "  plateau jitter samples=%d p50=%.3f ms p99=%.3f ms max=%.3f ms%n",
                plateau.samples(), plateau.percentileMillis(0.50), plateau.percentileMillis(0.99),
                plateau.maxMillis());
        StringBuilder perSecond = new StringBuilder();
        for (int i = 0; i < perSecondPackets.length; i++) {
            if (perSecondPackets[i] > 0) {
                perSecond.append(String.format(Locale.ROOT, " %ds:%.2f%%", i, 100.0 * perSecondLate[i] / perSecondPackets[i]));
            }
        }
        out.printf(Locale.ROOT, "  share of gaps >= 5 ms off, per second since the first INVITE:%s%n", perSecond);
        out.printf(Locale.ROOT, "  rtp per caller before key: mean %.1f of %.1f expected, worst caller %.1f%%;"
                        + " non-PCMA %d; after key %d%n",
                meanRecv, meanExp, minRatio == Double.MAX_VALUE ? 0 : 100 * minRatio, otherPayload, afterDtmf);
        out.printf(Locale.ROOT, "  callgate cpu=%.1f%% of one core over %.1f s, rss=%d MB; harness cpu=%.1f%%%n",
                cpu, wallNs / 1e9, rssKb / 1024, selfCpu);
        out.printf(Locale.ROOT, "| %d | %d | %d/%d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f / %.1f (worst %.0f%%) | %.0f | %d | %.0f |%n",
                calls, answered, routed, calls, plateau.percentileMillis(0.50), plateau.percentileMillis(0.99),
                plateau.maxMillis(), p99, jitter.maxMillis(), meanRecv, meanExp,
                minRatio == Double.MAX_VALUE ? 0 : 100 * minRatio, cpu, rssKb / 1024, selfCpu);
    }
}
