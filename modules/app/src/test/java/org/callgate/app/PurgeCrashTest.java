package org.callgate.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.callgate.core.dossier.CallTrace;
import org.callgate.index.LuceneRecordIndex;
import org.callgate.records.CallTraces;
import org.callgate.records.SyntheticData;
import org.callgate.store.ObjectKey;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A purge killed with SIGKILL while it destroys, then run again: the second run finishes the first
 * from its journal, so that nothing due is left, in the store or in the index, and nothing not due
 * is gone (REQUIREMENTS "what follows" 3; STYLE 10, in the spirit of Lucene's TestCrash).
 *
 * <p>The records are synthetic ({@link SyntheticData}, as {@code generate-data} makes them) under a
 * profile that keeps dossiers one day and call traces three months: 3,000 dossiers over three
 * years, every 25th with a second version, and 12,000 traces over the last year in day batches (as
 * the gateway batches calls that ended together). Some 2,500 dossiers and 9,000 traces are due; the
 * banking dossiers (10 years), the newest traces and dossiers are not. Which is which is read from
 * the index and the store before the purge, never assumed.
 */
class PurgeCrashTest {

    private static final int DOSSIERS = 3_000;
    private static final int CALLS = 12_000;
    private static final long SEED = 5;
    /** Due dossier versions destroyed before the kill: proof that the purge is destroying. */
    private static final int GONE_BEFORE_KILL = 300;

    private static final int SIGKILL_EXIT = 128 + 9;

    @TempDir
    Path dir;

    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream stdout = System.out;

    @AfterEach
    void restoreTheTerminal() {
        System.setOut(stdout);
    }

    @Test
    void aPurgeKilledWhileDestroyingIsFinishedByTheNextRunAndDestroysExactlyWhatWasDue() throws Exception {
        config = writeConfig();
        System.setOut(new PrintStream(out, true, UTF_8));
        assertThat(run("generate-data", "--dossiers", "" + DOSSIERS, "--calls", "0", "--seed", "" + SEED))
                .isZero();
        assertThat(addTracesAndSecondVersions()).isZero();

        Contents before = Contents.read(dir);
        Instant planned = Clock.systemUTC().instant();
        Set<String> due = before.dueAt(planned);
        assertThat(before.store()).as("store and index agree before the purge").isEqualTo(before.index());
        assertThat(due).as("records due").hasSizeGreaterThanOrEqualTo(10_000);
        List<Path> dueVersions = before.dossierVersionFiles(due);
        assertThat((long) dueVersions.size())
                .isGreaterThan(
                        due.stream().filter(r -> r.startsWith("DOSSIER:")).count());

        killWhileDestroying(dueVersions);

        assertThat(journal()).as("the killed run's plan is left").anyMatch(f -> f.endsWith(".plan"));
        assertThat(dueVersions.stream().filter(Files::exists).count())
                .as("the kill cut the purge short")
                .isPositive();
        assertThat(indexedButDestroyed(before, due))
                .as("the index as the kill left it still lists records whose objects are gone")
                .isPositive();

        assertThat(run("purge")).as(out.toString(UTF_8)).isZero();
        Instant finished = Clock.systemUTC().instant();

        Contents after = Contents.read(dir);
        Set<String> notDue = before.notDueAt(finished);
        assertThat(notDue).as("records not due").hasSizeGreaterThanOrEqualTo(2_000);
        assertThat(after.store()).as("due records left in the store").doesNotContainAnyElementsOf(due);
        assertThat(after.index()).as("due records left in the index").doesNotContainAnyElementsOf(due);
        assertThat(dueVersions).as("files of due dossier versions").noneMatch(Files::exists);
        assertThat(after.store()).as("records not due in the store").containsAll(notDue);
        assertThat(after.index()).as("records not due in the index").containsAll(notDue);
        assertThat(after.index()).isEqualTo(after.store());

        assertThat(run("reindex", "--check")).as(out.toString(UTF_8)).isZero();
        assertThat(out.toString(UTF_8)).contains("index consistent with the store");
        assertThat(journal()).as("the purge journal after the run").isEmpty();
        assertThat(run("audit", "verify")).as(out.toString(UTF_8)).isZero();
    }

    /** A copy of the shipped default profile that keeps dossiers one day and traces three months. */
    private Path writeConfig() throws Exception {
        Path retention = Files.createDirectories(dir.resolve("retention"));
        String shipped = Files.readString(Path.of("../../config/retention/default.yaml"));
        String shortened = shipped.replaceFirst("(\n  dossier:\n    keep:) 3 years", "$1 1 day")
                .replaceFirst("(\n  trace:[^\n]*\n    keep:) 1 year", "$1 3 months");
        assertThat(shortened).contains("keep: 1 day").contains("keep: 3 months");
        Files.writeString(retention.resolve("short.yaml"), shortened);
        return Files.writeString(dir.resolve("callgate.yaml"), """
                prompts-dir: %s
                retention-dir: %s
                store:
                  path: %s
                  spool: %s
                  retention-profile: short
                """.formatted(
                        GatewayFixture.PROMPTS, retention, dir.resolve("store"), dir.resolve("spool")));
    }

    /**
     * Writes the traces in one go, so that each day's make one batch, and links a call to every
     * 25th dossier, so that the purge has more than one version to destroy.
     */
    private int addTracesAndSecondVersions() {
        return IndexCommands.withRecords(config, opened -> {
            SyntheticData data = new SyntheticData(
                    SEED, opened.clock().instant(), opened.records().profile());
            List<CallTrace> traces = new ArrayList<>(CALLS);
            for (long j = 0; j < CALLS; j++) {
                traces.add(data.trace(j, DOSSIERS));
            }
            opened.records().writer().writeAll(List.of(), traces);
            List<ObjectKey> versions = opened.store().list("dossiers/");
            for (int i = 0; i < versions.size(); i += 25) {
                String number = versions.get(i).value().split("/")[1];
                opened.records().dossiers().linkCall(number, "crash-" + i);
            }
            opened.records().writer().checkpoint();
            return 0;
        });
    }

    /**
     * Starts {@code callgate purge} in a JVM of its own and kills it with SIGKILL once its plan is
     * written and it has destroyed {@value #GONE_BEFORE_KILL} due dossier versions; fails if the
     * purge ended before.
     */
    private void killWhileDestroying(List<Path> dueVersions) throws Exception {
        Process purge = callgate("purge", "--config", config.toString());
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !purge.isAlive()
                            || journal().stream().anyMatch(f -> f.endsWith(".plan"))
                                    && gone(dueVersions) >= GONE_BEFORE_KILL);
            assertThat(purge.isAlive())
                    .as("the purge must still run when it is killed; it ended first: %s", log())
                    .isTrue();
        } finally {
            purge.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no commit, no journal entry
            assertThat(purge.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(purge.exitValue())
                .as("SIGKILL, not the end of the purge, stopped it: %s", log())
                .isEqualTo(SIGKILL_EXIT);
    }

    private static long gone(List<Path> files) {
        long gone = 0;
        for (Path file : files) {
            if (!Files.exists(file) && ++gone >= GONE_BEFORE_KILL) {
                break;
            }
        }
        return gone;
    }

    /** Due records the index on disk lists although the purge destroyed their store objects. */
    private long indexedButDestroyed(Contents before, Set<String> due) throws Exception {
        Set<String> indexed;
        try (LuceneRecordIndex index = LuceneRecordIndex.open(dir.resolve("index"))) {
            indexed = Contents.indexed(index);
        }
        Set<String> destroyed = new HashSet<>(due);
        destroyed.removeIf(r -> !r.startsWith("DOSSIER:")
                || before.dossierVersionFiles(Set.of(r)).stream().anyMatch(Files::exists));
        destroyed.retainAll(indexed);
        return destroyed.size();
    }

    private List<String> journal() throws Exception {
        Path journal = dir.resolve("purge-journal");
        if (!Files.isDirectory(journal)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(journal)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private int run(String... args) {
        out.reset();
        List<String> withConfig = new ArrayList<>(List.of(args));
        withConfig.addAll(List.of("--config", config.toString()));
        return new CommandLine(new Main()).execute(withConfig.toArray(String[]::new));
    }

    private String log() throws Exception {
        return Files.readString(dir.resolve("purge.log"));
    }

    /** callgate in a JVM of its own, from this test's class path, so that it can be killed. */
    private Process callgate(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String logback = PurgeCrashTest.class.getResource("/logback.xml").toString();
        List<String> command = new ArrayList<>(List.of(
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

    /**
     * The records of the store and of the index, as {@code KIND:id}, with the index's
     * retain-until of each; and where the store keeps each dossier's versions.
     */
    private record Contents(
            Set<String> store, Set<String> index, Map<String, Instant> retainUntil, Map<String, List<Path>> versions) {

        private static final Instant EVER = Instant.parse("9999-01-01T00:00:00Z");

        static Contents read(Path dir) throws Exception {
            Set<String> stored = new TreeSet<>();
            Map<String, List<Path>> versions = new HashMap<>();
            Map<String, Instant> retainUntil = new HashMap<>();
            try (FileRecordingStore store = new FileRecordingStore(dir.resolve("store"), Clock.systemUTC());
                    LuceneRecordIndex index = LuceneRecordIndex.open(dir.resolve("index"))) {
                for (ObjectKey key : store.list("dossiers/")) {
                    String record = "DOSSIER:" + key.value().split("/")[1];
                    stored.add(record);
                    versions.computeIfAbsent(record, r -> new ArrayList<>())
                            .add(dir.resolve("store/meta").resolve(key.value() + ".json"));
                }
                Instant now = Clock.systemUTC().instant();
                for (CallTrace trace : new CallTraces(store).between(now.minus(Duration.ofDays(800)), now)) {
                    stored.add("TRACE:" + trace.callId());
                }
                index.forEachDue(EVER, r -> retainUntil.put(r.kind() + ":" + r.id(), r.retainUntil()));
            }
            return new Contents(stored, new TreeSet<>(retainUntil.keySet()), retainUntil, versions);
        }

        static Set<String> indexed(LuceneRecordIndex index) {
            Set<String> records = new HashSet<>();
            index.forEachDue(EVER, r -> records.add(r.kind() + ":" + r.id()));
            return records;
        }

        /** Records whose retain-until has passed at {@code at}: due for any purge that starts later. */
        Set<String> dueAt(Instant at) {
            Set<String> due = new TreeSet<>();
            retainUntil.forEach((record, until) -> {
                if (!until.isAfter(at)) {
                    due.add(record);
                }
            });
            return due;
        }

        /** Records still kept at {@code at}: not due for any purge that ended before. */
        Set<String> notDueAt(Instant at) {
            Set<String> kept = new TreeSet<>(retainUntil.keySet());
            kept.removeAll(dueAt(at));
            return kept;
        }

        /** The metadata files of every version of the dossiers among {@code records}. */
        List<Path> dossierVersionFiles(Set<String> records) {
            return records.stream()
                    .flatMap(r -> versions.getOrDefault(r, List.of()).stream())
                    .toList();
        }
    }
}
