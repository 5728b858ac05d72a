package org.callgate.app;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.callgate.retention.PurgeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code callgate purge [--dry-run]}: the purge on demand, with the gateway stopped (it holds the
 * index and the file store while it runs, and purges daily itself). Prints what was destroyed per
 * retention class and what was kept and why; a dry run changes nothing.
 */
@SuppressForbidden("a command prints its result and errors to the terminal")
@Command(
        name = "purge",
        description = "Destroy what the retention profile no longer keeps (never what is held); --dry-run only counts.")
final class PurgeCommand implements Callable<Integer> {

    @Mixin
    ConfigFile config;

    @Option(names = "--dry-run", description = "count what is due, destroy nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        return IndexCommands.withRecords(config.file, opened -> {
            PurgeReport report =
                    opened.governance().purge(opened.records().index()).run(dryRun);
            System.out.println(summary(report));
            return 0;
        });
    }

    /** {@code purge 20271126T030000Z: 12 records destroyed (recording 10, trace 2); 1 kept (locked 1)}. */
    static String summary(PurgeReport report) {
        String head = report.dryRun()
                ? "purge (dry run) at " + report.at() + ": " + report.purgedTotal() + " records due"
                : "purge " + report.run() + ": " + report.purgedTotal() + " records destroyed";
        String local = report.local().stream()
                .map(o -> o.what() + " " + o.removed() + (report.dryRun() ? " due" : " removed")
                        + (o.kept() > 0
                                ? ", " + o.kept() + " kept" + (o.note() == null ? "" : " (" + o.note() + ")")
                                : ""))
                .collect(Collectors.joining("; "));
        return head + counts(report.purged()) + "; " + report.keptTotal() + " kept" + counts(report.kept())
                + (local.isEmpty() ? "" : "; local files: " + local)
                + (report.dryRun() ? "; nothing destroyed" : "");
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
