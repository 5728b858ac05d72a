package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.callgate.index.LuceneRecordIndex;
import org.callgate.records.IndexCheck;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process writing records is killed with SIGKILL while it indexes: the index on disk then lacks
 * what was written after its last commit, and the next start indexes it again from the store, so
 * that index and store agree (DESIGN §2; STYLE 10, in the spirit of Lucene's TestCrash).
 */
class IndexCrashTest {

    @TempDir
    Path dir;

    @Test
    void afterSigkillDuringIndexingTheNextStartMakesTheIndexConsistentWithTheStore() throws Exception {
        Path config = Files.writeString(dir.resolve("callgate.yaml"), """
                store:
                  path: %s
                  spool: %s
                prompts-dir: %s
                """.formatted(
                        dir.resolve("store"), dir.resolve("spool"), GatewayFixture.PROMPTS));
        Process writer =
                callgate("generate-data", "--config", config.toString(), "--dossiers", "2000", "--calls", "40000");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !writer.isAlive() || storedTraces() >= 1000);
            assertThat(writer.isAlive())
                    .as("generate-data still writing: %s", log("generate-data"))
                    .isTrue();
        } finally {
            writer.destroyForcibly(); // SIGKILL
            writer.waitFor(30, TimeUnit.SECONDS);
        }

        IndexCheck.Result leftByTheCrash = checkWithoutRecovery();
        assertThat(leftByTheCrash.consistent()).isFalse();
        assertThat(leftByTheCrash.traces()).isGreaterThanOrEqualTo(1000);
        assertThat(leftByTheCrash.missingCount()).isPositive();

        Process check = callgate("reindex", "--check", "--config", config.toString());
        assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = log("reindex");
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("index consistent with the store").contains("indexed again from the store");
        // The store may have gained the batch of traces the journal held when the kill came.
        Matcher store =
                Pattern.compile("store: 2000 dossiers, (\\d+) call traces").matcher(output);
        assertThat(store.find()).as(output).isTrue();
        assertThat(Long.parseLong(store.group(1))).isGreaterThanOrEqualTo(leftByTheCrash.traces());
    }

    /** The index exactly as the crash left it on disk: opened without the journal's recovery. */
    private IndexCheck.Result checkWithoutRecovery() throws Exception {
        try (FileRecordingStore store = new FileRecordingStore(dir.resolve("store"), Clock.systemUTC());
                LuceneRecordIndex index = LuceneRecordIndex.open(dir.resolve("index"))) {
            return new IndexCheck(store, index).run();
        }
    }

    private long storedTraces() throws Exception {
        Path traces = dir.resolve("store").resolve("objects").resolve("traces");
        if (!Files.isDirectory(traces)) {
            return 0;
        }
        long lines = 0;
        try (Stream<Path> files = Files.walk(traces)) {
            for (Path batch : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                lines += Files.readAllLines(batch).size(); // batches are renamed into place whole
            }
        }
        return lines;
    }

    private String log(String command) throws Exception {
        return Files.readString(dir.resolve(command + ".log"));
    }

    /** callgate in a JVM of its own, from this test's class path, so that it can be killed. */
    private Process callgate(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String logback = IndexCrashTest.class.getResource("/logback.xml").toString();
        var command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-Dlogback.configurationFile=" + logback,
                "-Dcallgate.cdr.dir=" + dir.resolve("cdr"), // not var/cdr in the source tree
                "-cp",
                System.getProperty("java.class.path"),
                "org.callgate.app.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(args[0] + ".log").toFile())
                .start();
    }
}
