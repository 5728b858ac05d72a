package org.callgate.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs SIPp (Debian package {@code sip-tester}) as a real SIP peer: a caller (UAC) placing calls
 * through callgate, or an agent queue (UAS) answering them, for {@code callgate demo} and the app's
 * tests. Scenarios are XML files in this module's resources ({@code sipp/}); each run writes its
 * output into a work directory for post-mortem reading.
 */
public final class Sipp implements AutoCloseable {

    private static final String BINARY = "sipp";
    private static final Duration LISTEN_LIMIT = Duration.ofSeconds(60);
    private static final Duration LISTEN_POLL = Duration.ofMillis(10);

    private final Process process;
    private final Path log;
    private final String description;

    private final Path errors;

    private Sipp(Process process, Path log, Path errors, String description) {
        this.process = process;
        this.log = log;
        this.errors = errors;
        this.description = description;
    }

    /** Is the SIPp binary installed? ({@code scripts/test} installs it.) */
    public static boolean installed() {
        try {
            Process p =
                    new ProcessBuilder(BINARY, "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static Builder scenario(Path scenario) {
        return new Builder(scenario);
    }

    /** Waits for SIPp to exit and returns its result; kills it when the time is up. */
    public SippResult await(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new SippResult(-100, output() + "\n(killed after " + limit + ")");
            }
            return new SippResult(process.exitValue(), output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new SippResult(-101, "interrupted");
        }
    }

    /**
     * Waits until this UAS has bound its SIP port, so that a caller started next never finds it
     * closed however busy the machine is; returns early if SIPp has exited (its log says why).
     */
    private void awaitListening(int port, boolean tcp) {
        long polls = LISTEN_LIMIT.dividedBy(LISTEN_POLL); // a bound on the wait, not a clock reading
        try {
            for (long i = 0; i < polls && process.isAlive() && !ListeningPorts.bound(port, tcp); i++) {
                Thread.sleep(LISTEN_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            String out = Files.exists(log) ? Files.readString(log) : "";
            if (Files.exists(errors)) {
                out += "\n--- errors ---\n" + Files.readString(errors);
            }
            return out;
        } catch (IOException e) {
            return "(unreadable SIPp log: " + e.getMessage() + ")";
        }
    }

    /**
     * Kills SIPp at once (SIGKILL, the process this object started): its sockets close without a
     * word, as when a phone or a proxy crashes mid-call.
     */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops SIPp (the process this object started, by its PID) and waits for it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** Options of one SIPp run. */
    public static final class Builder {
        private final Path scenario;
        private String remote;
        private int localPort;
        private int mediaPort;
        private String service = "service";
        private String transport = "u1";
        private int calls = 1;
        private double rate = 10;
        private int rateLimit = -1;
        private Duration timeout = Duration.ofSeconds(60);
        private final List<String> extra = new ArrayList<>();
        private Path workDir;

        private Builder(Path scenario) {
            this.scenario = scenario;
        }

        /** The peer to call ({@code host:port}); omit for a UAS. */
        public Builder remote(String hostPort) {
            this.remote = hostPort;
            return this;
        }

        public Builder localPort(int port) {
            this.localPort = port;
            return this;
        }

        public Builder mediaPort(int port) {
            this.mediaPort = port;
            return this;
        }

        /** The Request-URI user part: the number dialled. */
        public Builder service(String number) {
            this.service = number;
            return this;
        }

        /**
         * SIP over TCP. A UAS takes a connection per call ({@code tn}): in single-socket mode
         * ({@code t1}) SIPp stops reading once the first connection closes, and callgate's stack
         * may open a second connection to the same peer and close the first.
         */
        public Builder tcp() {
            this.transport = remote == null ? "tn" : "t1";
            return this;
        }

        /** Exit after this many calls (UAC and UAS); 0 runs until stopped. */
        public Builder calls(int count) {
            this.calls = count;
            return this;
        }

        public Builder rate(double callsPerSecond) {
            this.rate = callsPerSecond;
            return this;
        }

        public Builder concurrentLimit(int limit) {
            this.rateLimit = limit;
            return this;
        }

        public Builder timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        public Builder arg(String... args) {
            extra.addAll(List.of(args));
            return this;
        }

        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public Sipp start() {
            try {
                Path dir = workDir != null ? workDir : Files.createTempDirectory("sipp");
                Files.createDirectories(dir);
                String name = scenario.getFileName().toString().replace(".xml", "");
                Path log = dir.resolve(name + "-" + localPort + ".log");
                ProcessBuilder builder = new ProcessBuilder(command(dir))
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                Sipp sipp = new Sipp(
                        builder.start(), log, dir.resolve("errors-" + localPort + ".log"), name + "@" + localPort);
                if (remote == null && localPort > 0) {
                    sipp.awaitListening(localPort, !"u1".equals(transport));
                }
                return sipp;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start SIPp", e);
            }
        }

        private List<String> command(Path dir) {
            List<String> cmd = new ArrayList<>(List.of(BINARY));
            if (remote != null) {
                cmd.add(remote);
            }
            cmd.addAll(List.of(
                    "-sf",
                    scenario.toAbsolutePath().toString(),
                    "-i",
                    "127.0.0.1",
                    "-p",
                    Integer.toString(localPort),
                    "-t",
                    transport,
                    "-s",
                    service,
                    "-nostdin",
                    "-timeout",
                    timeout.toSeconds() + "s",
                    "-timeout_error",
                    "-trace_err",
                    "-error_file",
                    dir.resolve("errors-" + localPort + ".log").toString()));
            if (mediaPort > 0) {
                cmd.addAll(List.of("-mp", Integer.toString(mediaPort)));
            }
            if ("tn".equals(transport)) {
                cmd.addAll(List.of("-max_socket", "1000")); // its default, 50,000, exceeds the open-file limit
            }
            if (calls > 0) {
                cmd.addAll(List.of("-m", Integer.toString(calls)));
            }
            if (remote != null) {
                cmd.addAll(List.of("-r", Double.toString(rate), "-rp", "1000"));
                if (rateLimit > 0) {
                    cmd.addAll(List.of("-l", Integer.toString(rateLimit)));
                }
            }
            cmd.addAll(extra);
            return cmd;
        }
    }
}
