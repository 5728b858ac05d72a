package org.callgate.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.callgate.core.request.DossierCorrection;
import org.callgate.core.request.RequestOutcome;
import org.callgate.core.request.RightsRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code request} subcommands that work on a subject's records (R12, R20, R22): {@code export}
 * writes the zip that answers an access or portability request, {@code erase} carries out an
 * erasure, objection, withdrawal or restriction and prints the record-by-record answer, and {@code
 * close} ends a request answered or refused. Each needs the identity checked first and is audited.
 */
final class RequestWorkCommands {

    private RequestWorkCommands() {}

    /** One piece of work on one request; the register's refusals become one line and exit 2. */
    @SuppressForbidden("a command prints its result and errors to the terminal")
    abstract static class Work implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "REQUEST-ID", description = "the request's id, as open and list show it")
        String id;

        @Option(names = "--by", paramLabel = "NAME", description = "who does it (default: the OS user)")
        String by;

        @Mixin
        ConfigFile config;

        abstract void run(RequestDesk desk, String actor) throws IOException;

        @Override
        public Integer call() {
            return IndexCommands.withRecords(config.file, opened -> {
                try {
                    run(opened.governance().requests(opened.records()), HoldCommand.actor(by));
                    return 0;
                } catch (IllegalArgumentException | IllegalStateException refused) {
                    System.err.println("callgate: " + refused.getMessage());
                    return HoldCommand.BAD_REQUEST;
                }
            });
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(
            name = "export",
            description = "Write the zip answering a verified access or portability request (R12, R20).")
    static final class Export extends Work {

        @Option(names = "--to", required = true, paramLabel = "FILE", description = "the zip to write")
        Path to;

        @Override
        void run(RequestDesk desk, String actor) throws IOException {
            Path dir = to.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, to.getFileName().toString(), ".part"); // owner-only on POSIX
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    desk.export(id, actor, out);
                }
                Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            System.out.println("request " + id + " exported to " + to);
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(
            name = "erase",
            description = "Carry out a verified erasure, objection (recordings), withdrawal (survey answers)"
                    + " or restriction; prints what was erased and what was kept, and why.")
    static final class Erase extends Work {

        @Override
        void run(RequestDesk desk, String actor) throws IOException {
            RequestOutcome outcome = desk.carryOut(id, actor);
            System.out.println(outcome.text());
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(
            name = "rectify",
            description = "Correct the requester's dossier in a verified rectification: a new version;"
                    + " the earlier ones erased unless a law or a hold keeps them (R3, R19).")
    static final class Rectify extends Work {

        @Option(names = "--dossier", required = true, paramLabel = "NUMBER", description = "the dossier to correct")
        String dossier;

        @Option(names = "--name", paramLabel = "TEXT", description = "the corrected name")
        String name;

        @Option(names = "--first-name", paramLabel = "TEXT", description = "the corrected first name")
        String firstName;

        @Option(
                names = "--phone",
                paramLabel = "NUMBER",
                description = "the dossier's numbers after the correction, any form; repeatable")
        List<String> phones;

        @Option(names = "--email", paramLabel = "ADDRESS", description = "the corrected e-mail address")
        String email;

        @Option(names = "--iban", paramLabel = "IBAN", description = "the corrected bank account")
        String iban;

        @Override
        void run(RequestDesk desk, String actor) throws IOException {
            RequestOutcome outcome =
                    desk.rectify(id, new DossierCorrection(dossier, name, firstName, phones, email, iban), actor);
            System.out.println(outcome.text());
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(
            name = "close",
            description = "Close a request: --answer TEXT (needs the identity checked) or --refuse REASON.")
    static final class Close extends RequestCommand.Step {

        @ArgGroup(multiplicity = "1")
        Ending ending;

        static final class Ending {
            @Option(
                    names = "--answer",
                    required = true,
                    paramLabel = "TEXT",
                    description = "what was done and kept, and why")
            String answer;

            @Option(names = "--refuse", required = true, paramLabel = "REASON", description = "why it is refused")
            String refuse;
        }

        @Override
        RightsRequest take(RequestDesk desk, String actor) throws IOException {
            return ending.answer != null
                    ? desk.answer(id, ending.answer, actor)
                    : desk.refuse(id, ending.refuse, actor);
        }
    }
}
