package org.callgate.index.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real OpenSearch cluster for the OpenSearch index's tests: the one in env {@code OPENSEARCH_URLS}
 * (comma-separated node URLs) when set, otherwise a throwaway one-node cluster started with {@code
 * scripts/opensearch/start} on free ports in a temporary WORKDIR, once per test JVM (one start at a
 * time on this machine, {@code START_LOCK}), and stopped with {@code scripts/opensearch/stop --wipe}
 * when the run ends (the root store closes it).
 *
 * <p>Test classes that use it are disabled when the tools the script needs are missing, unless env
 * {@code CALLGATE_REQUIRE_ALL=1} (set by {@code scripts/test}) says nothing may be skipped: then they
 * fail. Tests get the cluster as a {@link Cluster} parameter.
 */
public final class OpenSearchServer implements ExecutionCondition, ParameterResolver {

    /** The nodes of the cluster a test class gets (1 without it); each size is started once per run. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Nodes {
        int value();
    }

    /**
     * The nodes' HTTP URLs, and the WORKDIR of the cluster this run started ({@code null} for
     * {@code OPENSEARCH_URLS}), which {@code scripts/opensearch/kill} and {@code start} take.
     */
    public record Cluster(List<URI> urls, Path workdir) {
        public Cluster {
            urls = List.copyOf(urls);
        }

        /** Whether this run started the cluster, so a fault test may kill its nodes. */
        public boolean ownCluster() {
            return workdir != null;
        }

        /** Kills node {@code node} (1-based) with SIGKILL, as a crash would; returns once it is gone. */
        public void killNode(int node) {
            script("kill", Integer.toString(node));
        }

        /** Restarts the nodes that are not running, with their data; returns once the cluster is healthy. */
        public void startDeadNodes() {
            script("start");
        }

        private void script(String name, String... args) {
            if (workdir == null) {
                throw new IllegalStateException("OPENSEARCH_URLS names a cluster this run did not start");
            }
            List<String> command = new ArrayList<>(List.of(
                    repositoryRoot().resolve("scripts/opensearch/" + name).toString(), workdir.toString()));
            command.addAll(List.of(args));
            try {
                // to a file, not a pipe, so that the wait below stays bounded whatever the script does
                Path output = Files.createTempFile("callgate-opensearch-" + name, ".out");
                try {
                    Process p = new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .start();
                    boolean exited = p.waitFor(START_LIMIT_SECONDS, TimeUnit.SECONDS);
                    if (!exited) {
                        p.destroy(); // SIGTERM: start then stops the nodes it started
                    }
                    if (!exited || p.exitValue() != 0) {
                        throw new IllegalStateException(
                                "scripts/opensearch/" + name + " failed: " + Files.readString(output));
                    }
                } finally {
                    Files.deleteIfExists(output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static final String NOT_INSTALLED =
            "OpenSearch cannot be started here: scripts/opensearch/start needs curl, flock, setsid (and setpriv as root)";
    /** Laying out the distribution downloads about 90 MB from Maven Central on a fresh machine. */
    private static final long DIST_LIMIT_SECONDS = 900;
    /** The script's own health wait is 180 s (OS_WAIT_SECS); this only guards against a hung script. */
    private static final long START_LIMIT_SECONDS = 240;

    /**
     * Held (an OS file lock, shared by every test run on this machine: other worktrees, parallel
     * builds) from choosing the ports until {@code start} has returned, when the node has bound them.
     * The ports are free when chosen but not reserved, so without it two runs starting at once could
     * choose the same ones. Each run has its own WORKDIR and cluster name, so the clusters share
     * nothing else but the laid-out distribution, which the script guards with a lock of its own.
     */
    private static final Path START_LOCK =
            Path.of(System.getProperty("java.io.tmpdir"), "callgate-opensearch-start.lock");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (externalUrls().isPresent()) {
            return ConditionEvaluationResult.enabled("OPENSEARCH_URLS is set");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (onPath("curl") && onPath("flock") && onPath("setsid") && (!root || onPath("setpriv"))) {
            return ConditionEvaluationResult.enabled("scripts/opensearch/start can run");
        }
        if ("1".equals(System.getenv("CALLGATE_REQUIRE_ALL"))) {
            throw new IllegalStateException(NOT_INSTALLED + " (CALLGATE_REQUIRE_ALL=1 forbids skipping)");
        }
        return ConditionEvaluationResult.disabled(NOT_INSTALLED);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cluster.class;
    }

    @Override
    public Cluster resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Optional<List<URI>> external = externalUrls();
        if (external.isPresent()) {
            return new Cluster(external.get(), null);
        }
        ExtensionContext.Store store =
                context.getRoot().getStore(ExtensionContext.Namespace.create(OpenSearchServer.class));
        int nodes = Optional.ofNullable(context.getRequiredTestClass().getAnnotation(Nodes.class))
                .map(Nodes::value)
                .orElse(1);
        return store.getOrComputeIfAbsent("nodes-" + nodes, k -> Started.start(nodes), Started.class)
                .cluster();
    }

    private static Optional<List<URI>> externalUrls() {
        return Optional.ofNullable(System.getenv("OPENSEARCH_URLS"))
                .map(urls -> Stream.of(urls.split(","))
                        .map(String::trim)
                        .filter(url -> !url.isEmpty())
                        .map(URI::create)
                        .toList())
                .filter(urls -> !urls.isEmpty());
    }

    /**
     * A throwaway cluster; the root store closes it (JUnit closes AutoCloseable values) when the run
     * ends. A failed start is remembered, so every later test fails at once with the same cause
     * instead of trying again.
     */
    private static final class Started implements AutoCloseable {

        private final Path root = repositoryRoot();
        private final Path temp;
        private final Path workdir;
        private final int nodes;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private Cluster cluster;
        private RuntimeException failure;

        private Started(Path temp, int nodes) {
            this.nodes = nodes;
            this.temp = temp;
            this.workdir = temp.resolve("cluster");
        }

        static Started start(int nodes) {
            Started started;
            try {
                // rwxr-xr-x, not a temp dir's 0700: as root the nodes run as nobody, who must reach WORKDIR
                started = new Started(
                        Files.createTempDirectory(
                                "callgate-opensearch",
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))),
                        nodes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "opensearch-stop"));
            try {
                started.run();
            } catch (IOException e) {
                started.failure = new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                started.failure = new IllegalStateException("interrupted starting OpenSearch", e);
            } catch (RuntimeException e) {
                started.failure = e;
            }
            if (started.failure != null) {
                started.close();
            }
            return started;
        }

        Cluster cluster() {
            if (failure != null) {
                throw new IllegalStateException("the test OpenSearch cluster did not start", failure);
            }
            return cluster;
        }

        @SuppressWarnings("try") // the lock is held for the try block, never used in it
        private void run() throws IOException, InterruptedException {
            // Outside the machine-wide lock: the first start on a machine lays out the distribution
            // (Maven, maybe downloads); the script serialises that itself.
            runScript(new ProcessBuilder(script("start"), "--dist-only"), "dist", DIST_LIMIT_SECONDS);
            ProcessBuilder builder = new ProcessBuilder(script("start"), workdir.toString());
            try (FileChannel lockFile =
                            FileChannel.open(START_LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                // one run of ports: the nodes' HTTP ports, then their transport ports
                int first = FreePorts.range(2 * nodes);
                builder.environment()
                        .putAll(Map.of(
                                "OS_NODES",
                                Integer.toString(nodes),
                                "OS_HTTP_PORT",
                                Integer.toString(first),
                                "OS_TRANSPORT_PORT",
                                Integer.toString(first + nodes)));
                runScript(builder, "start", START_LIMIT_SECONDS);
            }
            List<URI> urls = Stream.of(value(Files.readAllLines(temp.resolve("start.out")), "OS_URLS")
                            .split(","))
                    .map(URI::create)
                    .toList();
            cluster = new Cluster(urls, workdir);
        }

        /** Runs the script to its end (bounded): stdout to NAME.out, stderr to NAME.err in temp. */
        private void runScript(ProcessBuilder builder, String name, long limitSeconds)
                throws IOException, InterruptedException {
            Path err = temp.resolve(name + ".err");
            Process process = builder.redirectOutput(temp.resolve(name + ".out").toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                // SIGTERM first: the script then stops the nodes it started
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
                throw new IllegalStateException("scripts/opensearch/start (" + name + ") did not finish in "
                        + limitSeconds + " s: " + Files.readString(err));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("scripts/opensearch/start (" + name + ") failed (exit "
                        + process.exitValue() + "), files kept in " + temp + ": " + Files.readString(err));
            }
        }

        /**
         * Stops the nodes by their PID files. After a good run it removes everything; after a failed
         * start it keeps WORKDIR (the nodes' logs) and the script's output in {@code temp}.
         */
        @Override
        public void close() {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            try {
                if (Files.exists(workdir.resolve("cluster.env"))) {
                    List<String> stop = new ArrayList<>(List.of(script("stop"), workdir.toString()));
                    if (failure == null) {
                        stop.add("--wipe");
                    }
                    Process process = new ProcessBuilder(stop)
                            .redirectErrorStream(true)
                            .redirectOutput(temp.resolve("stop.out").toFile())
                            .start();
                    // the script waits 30 s for the nodes, then kills them
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
                if (failure != null || Files.exists(workdir)) {
                    return;
                }
                try (Stream<Path> files = Files.list(temp)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String script(String name) {
            return root.resolve("scripts/opensearch/" + name).toString();
        }

        private static String value(List<String> lines, String name) {
            return lines.stream()
                    .filter(l -> l.startsWith(name + "="))
                    .map(l -> l.substring(name.length() + 1))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + name + "= line in " + lines));
        }
    }

    /** The directory holding {@code scripts/opensearch}, from the working directory upwards. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("scripts/opensearch"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no scripts/opensearch above " + Path.of("").toAbsolutePath());
    }

    private static boolean onPath(String command) {
        return Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> Stream.of(path.split(":")))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
