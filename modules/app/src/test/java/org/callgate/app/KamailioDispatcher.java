package org.callgate.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callgate.app.demo.ListeningPorts;

/**
 * Kamailio (Debian package {@code kamailio}) running the shipped {@code config/kamailio/dispatcher.cfg}
 * unchanged in front of callgate nodes, on a free port, with the test's own destination list and
 * control socket given as {@code -A} defines; {@code kamcmd dispatcher.list} tells the state Kamailio
 * holds for each node.
 */
final class KamailioDispatcher implements AutoCloseable {

    /** The shipped configuration (tests run in the module directory). */
    static final Path CONFIG =
            Path.of("../../config/kamailio/dispatcher.cfg").toAbsolutePath().normalize();

    private static final Path KAMAILIO = Path.of("/usr/sbin/kamailio");
    private static final Path KAMCMD = Path.of("/usr/sbin/kamcmd");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Pattern DESTINATION = Pattern.compile("URI: sip:127\\.0\\.0\\.1:(\\d+)\\s+FLAGS: (\\S+)");

    final int port;
    private final Path dir;
    private final Path log;
    private final Path control;
    private Process process;

    KamailioDispatcher(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.port = FreePorts.udpAndTcp();
        this.log = dir.resolve("kamailio.log");
        this.control = dir.resolve("ctl");
    }

    static boolean installed() {
        return Files.isExecutable(KAMAILIO)
                && Files.isExecutable(KAMCMD)
                && Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/kamailio/modules/dispatcher.so"));
    }

    /**
     * Starts Kamailio with {@code nodes} (callgate SIP ports on 127.0.0.1) as set 1, probing them
     * every {@code probeSeconds} (the shipped 2 s would do too, more slowly; 0 probes none);
     * returns once its port listens and it holds every node as active.
     */
    void start(List<Integer> nodes, int probeSeconds) throws Exception {
        Path list = dir.resolve("dispatcher.list");
        StringBuilder lines = new StringBuilder();
        nodes.forEach(node -> lines.append("1 sip:127.0.0.1:").append(node).append('\n'));
        Files.writeString(list, lines);
        Path run = Files.createDirectories(dir.resolve("run"));
        process = new ProcessBuilder(List.of(
                        KAMAILIO.toString(),
                        "-f",
                        CONFIG.toString(),
                        "-DD",
                        "-E",
                        "-Y",
                        run.toString(),
                        "-m",
                        "64",
                        "-A",
                        "SIP_LISTEN=udp:127.0.0.1:" + port,
                        "-A",
                        "DS_LIST=\"" + list + "\"",
                        "-A",
                        "CTL_SOCKET=\"unix:" + control + "\"",
                        "-A",
                        "DS_PING_INTERVAL=" + probeSeconds,
                        "-A",
                        "CHILDREN=2"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!(ListeningPorts.bound(port, false) && Files.exists(control) && allActive(nodes))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("kamailio did not start: " + output());
            }
            Thread.sleep(50);
        }
    }

    private boolean allActive(List<Integer> nodes) throws IOException, InterruptedException {
        Map<Integer, String> flags = flags();
        return nodes.stream().allMatch(node -> flags.getOrDefault(node, "").startsWith("A"));
    }

    /** Whether Kamailio holds the node on {@code port} as active (it gets new calls). */
    boolean active(int node) throws IOException, InterruptedException {
        return flags().getOrDefault(node, "").startsWith("A");
    }

    /** Whether Kamailio holds the node on {@code port} as inactive (out of the set until its probe is answered). */
    boolean inactive(int node) throws IOException, InterruptedException {
        return flags().getOrDefault(node, "").startsWith("I");
    }

    /** Each node's dispatcher flags by port: {@code AP} active and probed, {@code IP} inactive. */
    Map<Integer, String> flags() throws IOException, InterruptedException {
        Map<Integer, String> flags = new LinkedHashMap<>();
        if (!Files.exists(control)) {
            return flags;
        }
        Process kamcmd = new ProcessBuilder(KAMCMD.toString(), "-s", "unix:" + control, "dispatcher.list")
                .redirectErrorStream(true)
                .start();
        String out = new String(kamcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kamcmd.waitFor(10, TimeUnit.SECONDS)) {
            kamcmd.destroyForcibly();
        }
        Matcher m = DESTINATION.matcher(out);
        while (m.find()) {
            flags.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return flags;
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "(no log)";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /**
     * Stops the Kamailio this object started, by its PID, and then any of its worker processes left
     * behind (a worker that outlives its main process is adopted by init and keeps its port).
     */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> workers = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        for (ProcessHandle worker : workers) {
            if (worker.isAlive()) {
                worker.destroyForcibly();
            }
        }
    }
}
