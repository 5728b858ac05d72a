package org.callgate.store.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * A real S3 server with Object Lock for the S3 store's tests (DESIGN §6): the one in env {@code
 * S3_ENDPOINT} when set (keys from {@code S3_ACCESS_KEY}/{@code S3_SECRET_KEY}), otherwise a
 * throwaway Ceph RGW started with {@code scripts/s3-rgw/start} on free ports, once per test run
 * (one start at a time on this machine, {@code START_LOCK}), and stopped with {@code scripts/s3-rgw/stop} when the run ends (the root store closes it).
 *
 * <p>Test classes that use it are disabled when Ceph is not installed, unless env {@code
 * CALLGATE_REQUIRE_ALL=1} (set by {@code scripts/test}) says nothing may be skipped: then they
 * fail. Tests get the server as an {@link Endpoint} parameter.
 */
public final class RgwServer implements ExecutionCondition, ParameterResolver {

    /**
     * Where the server is and the keys of its test user; RGW signs in region us-east-1.
     * {@code cluster} is the workdir of the RGW this run started, null for {@code S3_ENDPOINT}.
     */
    public record Endpoint(URI uri, String accessKey, String secretKey, Path cluster) {
        public S3Settings settings(String bucket) {
            return S3Settings.forBucket(bucket)
                    .withRegion("us-east-1")
                    .withEndpoint(uri, true)
                    .withCredentials(accessKey, secretKey);
        }

        /** Whether this run started the server, so a fault test may take its gateway away. */
        public boolean ownServer() {
            return cluster != null;
        }

        /** Stops only the gateway: S3 requests fail, the objects stay in the cluster. */
        public void stopGateway() {
            gateway("stop");
        }

        /** Starts the gateway again and returns once it answers. */
        public void startGateway() {
            gateway("start");
        }

        private void gateway(String command) {
            try {
                Process p = new ProcessBuilder(
                                repositoryRoot()
                                        .resolve("scripts/s3-rgw/gateway")
                                        .toString(),
                                command,
                                cluster.toString())
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("scripts/s3-rgw/gateway " + command + " failed: " + out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static final String NOT_INSTALLED = "Ceph RGW is not installed: run scripts/test";
    private static final long START_LIMIT_SECONDS = 120;

    /**
     * Held (an OS file lock, shared by every test run on this machine: other worktrees, parallel
     * builds) from choosing the ports until {@code start} has returned, when the daemons have bound
     * them. The ports are free when chosen but not reserved, so without it two runs starting at
     * once could choose the same one, and one cluster's tools could talk to the other's monitor.
     * Each run has its own temporary directory, so the clusters share nothing else.
     */
    private static final Path START_LOCK = Path.of(System.getProperty("java.io.tmpdir"), "callgate-rgw-start.lock");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (System.getenv("S3_ENDPOINT") != null) {
            return ConditionEvaluationResult.enabled("S3_ENDPOINT is set");
        }
        if (onPath("radosgw") && onPath("ceph-mon") && onPath("ceph-osd")) {
            return ConditionEvaluationResult.enabled("Ceph RGW is installed");
        }
        if ("1".equals(System.getenv("CALLGATE_REQUIRE_ALL"))) {
            throw new IllegalStateException(NOT_INSTALLED + " (CALLGATE_REQUIRE_ALL=1 forbids skipping)");
        }
        return ConditionEvaluationResult.disabled(NOT_INSTALLED);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Endpoint.class;
    }

    @Override
    public Endpoint resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String endpoint = System.getenv("S3_ENDPOINT");
        if (endpoint != null) {
            return new Endpoint(
                    URI.create(endpoint),
                    env("S3_ACCESS_KEY", "test-access-key"),
                    env("S3_SECRET_KEY", "test-secret-key"),
                    null);
        }
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(RgwServer.class));
        return store.getOrComputeIfAbsent(Started.class, k -> Started.start(), Started.class)
                .endpoint();
    }

    /** A throwaway RGW; the root store closes it (JUnit closes AutoCloseable values) when the run ends. */
    private static final class Started implements AutoCloseable {

        private final Path root = repositoryRoot();
        private final Path temp;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private Endpoint endpoint;

        private Started(Path temp) {
            this.temp = temp;
        }

        static Started start() {
            try {
                Started started = new Started(Files.createTempDirectory("callgate-rgw"));
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "rgw-stop"));
                started.run();
                return started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted starting RGW", e);
            }
        }

        Endpoint endpoint() {
            return endpoint;
        }

        private void run() throws IOException, InterruptedException {
            Path out = temp.resolve("start.out");
            Path err = temp.resolve("start.err");
            ProcessBuilder builder = new ProcessBuilder(
                            root.resolve("scripts/s3-rgw/start").toString(),
                            temp.resolve("cluster").toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            boolean started;
            try (FileChannel lockFile =
                            FileChannel.open(START_LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                List<String> ports = freePorts(3);
                builder.environment()
                        .putAll(Map.of(
                                "S3_PORT", ports.get(0), "MON_PORT_V2", ports.get(1), "MON_PORT_V1", ports.get(2)));
                Process process = builder.start();
                started = process.waitFor(START_LIMIT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
                if (!started) {
                    process.destroyForcibly().waitFor();
                }
            }
            if (!started) {
                close();
                throw new IllegalStateException("scripts/s3-rgw/start failed: " + Files.readString(err));
            }
            List<String> lines = Files.readAllLines(out);
            endpoint = new Endpoint(
                    URI.create(value(lines, "S3_ENDPOINT")),
                    value(lines, "S3_ACCESS_KEY"),
                    value(lines, "S3_SECRET_KEY"),
                    temp.resolve("cluster"));
        }

        /** Stops the daemons by their recorded PIDs and removes the directory, unless start kept its logs. */
        @Override
        public void close() {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            try {
                Path cluster = temp.resolve("cluster");
                if (Files.exists(cluster.resolve("ceph.conf"))) {
                    new ProcessBuilder(root.resolve("scripts/s3-rgw/stop").toString(), cluster.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(temp.resolve("stop.out").toFile())
                            .start()
                            .waitFor(60, TimeUnit.SECONDS);
                }
                if (Files.exists(cluster)) {
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

        private static String value(List<String> lines, String name) {
            return lines.stream()
                    .filter(l -> l.startsWith(name + "="))
                    .map(l -> l.substring(name.length() + 1))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + name + "= line in " + lines));
        }
    }

    /** The directory holding {@code scripts/s3-rgw}, from the working directory upwards. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("scripts/s3-rgw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no scripts/s3-rgw above " + Path.of("").toAbsolutePath());
    }

    /** {@code count} different ports that are free now: every socket stays open until all are chosen. */
    private static List<String> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream()
                    .map(socket -> Integer.toString(socket.getLocalPort()))
                    .toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static boolean onPath(String command) {
        return Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> Stream.of(path.split(":")))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).orElse(fallback);
    }
}
