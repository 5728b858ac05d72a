package org.callgate.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigCheck;
import org.callgate.app.config.ConfigException;
import org.callgate.core.dossier.CallTrace;
import org.callgate.recording.Completeness;
import org.callgate.recording.CompletenessCheck;
import org.callgate.records.CallTraces;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code callgate compliance check}: the proof no recorder offers, that every banking call of a
 * period has its recording stored, COMPLIANCE-locked for 10 years from the agent's answer (R8),
 * or why not (docs/compliance-check.md). The calls come from their traces in the store (R1), so
 * the check holds even when the index is behind.
 *
 * <p>Exit status, for an officer's scripts: 0 every banking call complete, 1 some are not, 2 a
 * bad argument or configuration (one line on stderr), 3 the store could not be read.
 */
@Command(name = "compliance", description = "Compliance checks.", subcommands = ComplianceCommand.Check.class)
final class ComplianceCommand {

    static final int INCOMPLETE = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int STORE_FAILED = 3;

    @Command(
            name = "check",
            description = "List every banking call of a period with its recording's status; exit 1 if any is"
                    + " not complete.")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "DATE|INSTANT", description = "first day (UTC) or instant")
        String from;

        @Option(names = "--to", paramLabel = "DATE|INSTANT", description = "last day (UTC, included) or end instant")
        String to;

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            CheckInterval interval;
            CallgateConfig loaded;
            try {
                interval = CheckInterval.parse(from, to);
                loaded = Main.loadConfig(config.file);
            } catch (CheckInterval.BadArgument e) {
                err.println("callgate: " + e.getMessage());
                return BAD_ARGUMENTS;
            } catch (ConfigException e) {
                e.errors().forEach(err::println);
                return ConfigCheck.INVALID;
            }
            try (RecordingStore store = Recordings.openStore(loaded.store(), Clock.systemUTC())) {
                return report(run(loaded, store, interval), interval);
            } catch (StartupException | StoreException | IOException | RuntimeException e) {
                err.println("callgate: compliance check failed: " + e.getMessage());
                return STORE_FAILED;
            }
        }

        private static CompletenessCheck.Report run(CallgateConfig config, RecordingStore store, CheckInterval interval)
                throws StoreException, IOException, StartupException {
            List<CallTrace> traces = new CallTraces(store).between(interval.from(), interval.to());
            CompletenessCheck check = new CompletenessCheck(
                    store,
                    AppliedProfile.of(config),
                    config.store().spool(),
                    new LinkedHashSet<>(config.recording().bankingServices()));
            return check.check(traces);
        }

        /** {@code OK}, or the status in capitals with what it means and the detail found. */
        private static String line(CompletenessCheck.Finding f) {
            String status = f.status().token().toUpperCase(Locale.ROOT);
            if (f.status() == Completeness.OK) {
                return status;
            }
            return status + ": " + f.status().meaning() + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")");
        }

        /** One line per banking call, then the summary; returns the exit status. */
        private int report(CompletenessCheck.Report report, CheckInterval interval) {
            PrintWriter out = spec.commandLine().getOut();
            for (CompletenessCheck.Finding f : report.findings()) {
                out.println(f.callId() + " " + f.time() + " " + line(f));
            }
            String counts = report.counts().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().token())
                    .collect(Collectors.joining(", "));
            out.println(report.findings().size() + " banking calls from " + interval.from() + " to " + interval.to()
                    + (counts.isEmpty() ? "" : ": " + counts) + "; "
                    + (report.complete() ? "COMPLETE" : "INCOMPLETE"));
            out.flush();
            return report.complete() ? 0 : INCOMPLETE;
        }
    }
}
