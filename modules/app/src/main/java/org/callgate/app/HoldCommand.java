package org.callgate.app;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.callgate.core.PhoneNumber;
import org.callgate.records.HeldRecords;
import org.callgate.records.LegalHold;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callgate hold place|release|list}: legal holds (R18, R19) from the command line, with the
 * gateway stopped. A hold covers a dossier (its versions, traces and recordings, and those that
 * join it later), a caller's number, or one recording, with a case id and a reason; it lasts until
 * released explicitly. Each place and release goes into the audit log (R11).
 */
@SuppressForbidden("a command prints its result and errors to the terminal")
@Command(
        name = "hold",
        description = "Legal holds: place, release, list.",
        subcommands = {HoldCommand.Place.class, HoldCommand.Release.class, HoldCommand.ListHolds.class})
final class HoldCommand {

    static final int BAD_REQUEST = 2;

    private HoldCommand() {}

    /** Who acts: {@code --by}, else the operating-system user. */
    static String actor(String by) {
        return by != null ? by : System.getProperty("user.name", "unknown");
    }

    static String describe(LegalHold hold) {
        return hold.id() + " " + hold.scope().name().toLowerCase(Locale.ROOT) + " " + hold.value() + " case "
                + hold.caseId() + " (" + hold.reason() + "), placed " + hold.placed() + " by " + hold.placedBy()
                + (hold.active() ? "" : ", released " + hold.released() + " by " + hold.releasedBy());
    }

    static final class Scope {
        @Option(names = "--dossier", paramLabel = "NUMBER", description = "a dossier, with its traces and recordings")
        String dossier;

        @Option(names = "--caller", paramLabel = "NUMBER", description = "a caller's telephone number, any form")
        String caller;

        @Option(names = "--recording", paramLabel = "CALL-ID", description = "one recording, by its call id")
        String recording;
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "place", description = "Place a legal hold on a dossier, a caller's number or one recording.")
    static final class Place implements Callable<Integer> {

        @ArgGroup(multiplicity = "1")
        Scope scope;

        @Option(names = "--case", required = true, paramLabel = "ID", description = "the case (dispute, complaint) id")
        String caseId;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why, in a few words")
        String reason;

        @Option(names = "--by", paramLabel = "NAME", description = "who places it (default: the OS user)")
        String by;

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            LegalHold.Scope kind = scope.dossier != null
                    ? LegalHold.Scope.DOSSIER
                    : scope.caller != null ? LegalHold.Scope.CALLER : LegalHold.Scope.RECORDING;
            String value =
                    scope.dossier != null ? scope.dossier : scope.caller != null ? scope.caller : scope.recording;
            if (kind == LegalHold.Scope.CALLER && PhoneNumber.tryParse(value).isEmpty()) {
                System.err.println("callgate: --caller " + value + " is not a telephone number");
                return BAD_REQUEST;
            }
            return IndexCommands.withRecords(config.file, opened -> {
                HeldRecords held = new HeldRecords(
                        opened.store(),
                        opened.records().index(),
                        opened.governance().holds());
                HeldRecords.Outcome outcome = opened.governance().place(held, kind, value, caseId, reason, actor(by));
                System.out.println("hold placed: " + describe(outcome.hold()) + "; " + outcome.records()
                        + " records, " + outcome.objects() + " objects held"
                        + (outcome.notFound().isEmpty() ? "" : "; not found: " + outcome.notFound()));
                return 0;
            });
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "release", description = "Release a legal hold; what it covered is purged when due.")
    static final class Release implements Callable<Integer> {

        @Parameters(paramLabel = "HOLD-ID", description = "the hold's id, as place and list show it")
        String id;

        @Option(names = "--by", paramLabel = "NAME", description = "who releases it (default: the OS user)")
        String by;

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            return IndexCommands.withRecords(config.file, opened -> {
                if (opened.governance()
                        .holds()
                        .find(id)
                        .filter(LegalHold::active)
                        .isEmpty()) {
                    System.err.println("callgate: no active legal hold " + id + " (hold list shows them)");
                    return BAD_REQUEST;
                }
                HeldRecords held = new HeldRecords(
                        opened.store(),
                        opened.records().index(),
                        opened.governance().holds());
                HeldRecords.Outcome outcome = opened.governance().release(held, id, actor(by));
                System.out.println("hold released: " + describe(outcome.hold()) + "; " + outcome.objects()
                        + " objects no longer held by it");
                return 0;
            });
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "list", description = "List the active legal holds; --all with the released ones.")
    static final class ListHolds implements Callable<Integer> {

        @Option(names = "--all", description = "released holds too")
        boolean all;

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            return IndexCommands.withRecords(config.file, opened -> {
                var holds = opened.governance().holds().list(all);
                holds.forEach(hold -> System.out.println(describe(hold)));
                System.out.println(holds.size() + (all ? " holds" : " active holds"));
                return 0;
            });
        }
    }
}
