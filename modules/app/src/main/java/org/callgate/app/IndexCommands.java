package org.callgate.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigCheck;
import org.callgate.app.config.ConfigException;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.records.IndexCheck;
import org.callgate.records.Reindexer;
import org.callgate.records.SyntheticData;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The index's commands. Each opens the configured store and index as {@code serve} does, so it
 * first indexes again what a crash left out (the journal), and refuses to run while a callgate
 * holds the index.
 */
@SuppressForbidden("a command prints its result and errors to the terminal")
final class IndexCommands {

    private IndexCommands() {}

    /** Opens store and index, runs {@code work}, closes both; one line on stderr for any failure. */
    static int withRecords(Path configFile, RecordsWork work) {
        CallgateConfig config;
        try {
            config = Main.loadConfig(configFile);
        } catch (ConfigException e) {
            e.errors().forEach(System.err::println);
            return ConfigCheck.INVALID;
        }
        return withRecords(config, work);
    }

    /** As {@link #withRecords(Path, RecordsWork)}, on a loaded configuration. */
    static int withRecords(CallgateConfig config, RecordsWork work) {
        Clock clock = Clock.systemUTC();
        try (RecordingStore store = Recordings.openStore(config.store(), clock);
                Governance governance = Governance.open(config, store, AppliedProfile.of(config), clock);
                Records records = Records.open(
                        config.index(),
                        config.store(),
                        store,
                        AppliedProfile.of(config),
                        governance.holds(),
                        governance.restrictions(),
                        clock)) {
            governance.resumeHolds(records.index());
            return work.run(new Opened(config, store, records, governance, clock));
        } catch (StartupException | StoreException | IOException | RuntimeException e) {
            System.err.println("callgate: " + e.getMessage());
            return Main.STARTUP_FAILED;
        }
    }

    /** What an offline command works on: the store, the index, the hold register and the audit log. */
    record Opened(CallgateConfig config, RecordingStore store, Records records, Governance governance, Clock clock) {}

    @FunctionalInterface
    interface RecordsWork {
        int run(Opened opened) throws StoreException, IOException;
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "reindex", description = "Rebuild the index from the store, or with --check compare the two.")
    static final class Reindex implements Callable<Integer> {

        @Mixin
        ConfigFile config;

        @Option(
                names = "--check",
                description =
                        "compare the index with the store instead of rebuilding;" + " exit status 1 when they differ")
        boolean check;

        @Override
        public Integer call() {
            return withRecords(config.file, opened -> {
                CallgateConfig cfg = opened.config();
                RecordingStore store = opened.store();
                Records records = opened.records();
                Clock clock = opened.clock();
                if (check) {
                    IndexCheck.Result result = new IndexCheck(store, records.index()).run();
                    System.out.printf(
                            "store: %d dossiers, %d call traces, %d recordings%n",
                            result.dossiers(), result.traces(), result.recordings());
                    System.out.printf(
                            "index: %d dossiers, %d call traces, %d recordings%n",
                            result.indexDossiers(), result.indexTraces(), result.indexRecordings());
                    if (result.consistent()) {
                        System.out.println("index consistent with the store");
                        return 0;
                    }
                    System.out.println("index NOT consistent with the store: " + result.missingCount()
                            + " records missing, for example " + result.missing()
                            + "; run 'callgate reindex' to rebuild it");
                    return 1;
                }
                Reindexer.Counts counts = new Reindexer(
                                store, records.index(), opened.governance().holds())
                        .rebuild();
                records.writer().checkpoint();
                System.out.printf(
                        "index rebuilt from the store: %d dossiers, %d call traces, %d recordings%n",
                        counts.dossiers(), counts.traces(), counts.recordings());
                return 0;
            });
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(
            name = "generate-data",
            description =
                    "Write synthetic dossiers and call traces to an empty store" + " and index them (demo, benchmark).")
    static final class GenerateData implements Callable<Integer> {

        private static final int BATCH = 500;

        @Mixin
        ConfigFile config;

        @Option(
                names = "--dossiers",
                paramLabel = "N",
                defaultValue = "1000",
                description = "dossiers (default ${DEFAULT-VALUE})")
        int dossiers;

        @Option(
                names = "--calls",
                paramLabel = "M",
                defaultValue = "5000",
                description = "call traces (default ${DEFAULT-VALUE})")
        long calls;

        @Option(
                names = "--seed",
                paramLabel = "S",
                defaultValue = "1",
                description = "random seed (default ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() {
            if (dossiers < 0 || calls < 0) {
                System.err.println("callgate: --dossiers and --calls must be 0 or more");
                return 2;
            }
            return withRecords(config.file, opened -> {
                CallgateConfig cfg = opened.config();
                RecordingStore store = opened.store();
                Records records = opened.records();
                Clock clock = opened.clock();
                if (!store.list("dossiers/").isEmpty() || !store.list("traces/").isEmpty()) {
                    System.err.println("callgate: generate-data fills an empty store, and "
                            + cfg.store().path() + " already has dossiers or traces");
                    return 2;
                }
                generate(records, new SyntheticData(seed, clock.instant(), records.profile()), dossiers, calls);
                System.out.printf(
                        "generated %d dossiers and %d call traces into %s, indexed in %s%n",
                        dossiers, calls, cfg.store().type() + " store", Records.where(cfg.index(), cfg.store()));
                return 0;
            });
        }

        /** Writes dossiers {@code 0..dossiers-1} and traces {@code 0..calls-1} of {@code data}, in batches. */
        static void generate(Records records, SyntheticData data, int dossiers, long calls)
                throws StoreException, IOException {
            List<Dossier> dossierBatch = new ArrayList<>(BATCH);
            for (int i = 0; i < dossiers; i++) {
                dossierBatch.add(data.dossier(i));
                if (dossierBatch.size() == BATCH || i == dossiers - 1) {
                    records.writer().writeAll(dossierBatch, List.of());
                    dossierBatch.clear();
                }
            }
            List<CallTrace> traceBatch = new ArrayList<>(BATCH);
            for (long j = 0; j < calls; j++) {
                traceBatch.add(data.trace(j, dossiers));
                if (traceBatch.size() == BATCH || j == calls - 1) {
                    records.writer().writeAll(List.of(), traceBatch);
                    traceBatch.clear();
                }
            }
            records.writer().checkpoint();
        }
    }
}
