package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code callgate serve} in a JVM of its own, from this test's class path, so that a test can kill
 * it with SIGKILL as a crash would and start it again on the same files.
 */
final class CallgateProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Path config;
    private final Path dir;
    private final String name;
    private Process process;
    private int starts;

    private CallgateProcess(Path config, Path dir, String name) {
        this.config = config;
        this.dir = dir;
        this.name = name;
    }

    /** Starts {@code serve --config config}, logging to {@code dir/name-N.log}; returns once SIP listens. */
    static CallgateProcess start(Path config, Path dir, String name) throws Exception {
        CallgateProcess node = new CallgateProcess(config, dir, name);
        node.start();
        return node;
    }

    void start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // callgate's own logging (to the console), not the test suite's log file
        String logback = CallgateProcess.class.getResource("/logback.xml").toString();
        Path log = dir.resolve(name + "-" + (++starts) + ".log");
        process = new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "--enable-native-access=ALL-UNNAMED",
                        "--sun-misc-unsafe-memory-access=allow",
                        "-Dlogback.configurationFile=" + logback,
                        "-Dcallgate.cdr.dir=" + dir.resolve(name + "-cdr"), // not var/cdr in the source tree
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.callgate.app.Main",
                        "serve",
                        "--config",
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(START_LIMIT)
                    .until(() -> !process.isAlive() || Files.readString(log).contains("SIP listening on"));
            assertThat(process.isAlive())
                    .as("callgate %s: %s", name, Files.readString(log))
                    .isTrue();
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly(); // never leave a callgate behind
            throw e;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no fsync; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String log() throws IOException {
        return Files.readString(dir.resolve(name + "-" + starts + ".log"));
    }

    /** SIGTERM, as an operator stops it; SIGKILL when it has not stopped within a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
