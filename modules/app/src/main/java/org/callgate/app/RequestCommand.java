package org.callgate.app;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.callgate.core.PhoneNumber;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.RequestType;
import org.callgate.core.request.RightsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code callgate request open|verify|extend|export|erase|rectify|answer|refuse|close|list}: the register
 * of data-subject requests (R12, R20, R22) from the command line, with the gateway stopped (as
 * {@code hold}). A request is due one month after its receipt, may be extended to three months
 * with a reason, and is exported, carried out or answered only once the requester's identity is
 * checked. Every step goes into the audit log.
 */
@SuppressForbidden("a command prints its result and errors to the terminal")
@Command(
        name = "request",
        description =
                "Data-subject requests: open, verify, extend, export, erase, rectify, answer, refuse, close, list.",
        subcommands = {
            RequestCommand.Open.class,
            RequestCommand.Verify.class,
            RequestCommand.Extend.class,
            RequestWorkCommands.Export.class,
            RequestWorkCommands.Erase.class,
            RequestWorkCommands.Rectify.class,
            RequestCommand.Answer.class,
            RequestCommand.Refuse.class,
            RequestWorkCommands.Close.class,
            RequestCommand.ListRequests.class
        })
final class RequestCommand {

    private RequestCommand() {}

    static String describe(RightsRequest r, boolean overdue) {
        return r.id() + " " + r.type().word() + " " + r.status().word() + ", received " + r.received() + ", due "
                + r.due() + (overdue ? " OVERDUE" : "")
                + (r.extension() != null ? " (extended: " + r.extension().reason() + ")" : "")
                + (r.verification() != null
                        ? ", identity checked by " + r.verification().by() + " ("
                                + r.verification().method() + ")"
                        : "");
    }

    /** One step on one request, printed as the request after it; refusals as {@link RequestWorkCommands.Work}'s. */
    @SuppressForbidden("a command prints its result and errors to the terminal")
    abstract static class Step extends RequestWorkCommands.Work {

        abstract RightsRequest take(RequestDesk desk, String actor) throws IOException;

        @Override
        void run(RequestDesk desk, String actor) throws IOException {
            RightsRequest request = take(desk, actor);
            System.out.println("request " + request.status().word() + ": " + describe(request, false));
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "open", description = "Record a request received now, or on --received DATE.")
    static final class Open implements Callable<Integer> {

        @Option(
                names = "--type",
                required = true,
                paramLabel = "TYPE",
                description = "access, portability, rectification, erasure, restriction, objection or withdrawal")
        String type;

        @Option(names = "--phone", paramLabel = "NUMBER", description = "the requester's number, any form; repeatable")
        List<String> phones = new ArrayList<>();

        @Option(names = "--dossier", paramLabel = "NUMBER", description = "a dossier of theirs; repeatable")
        List<String> dossiers = new ArrayList<>();

        @Option(names = "--name", paramLabel = "TEXT", description = "their name, as given")
        String name;

        @Option(names = "--email", paramLabel = "ADDRESS", description = "where the answer may go")
        String email;

        @Option(names = "--via", paramLabel = "TEXT", description = "how it came in: letter, e-mail, desk, a call id")
        String via;

        @Option(names = "--received", paramLabel = "YYYY-MM-DD", description = "the day it came in (default: now)")
        String received;

        @Option(names = "--by", paramLabel = "NAME", description = "who records it (default: the OS user)")
        String by;

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            RequestType kind;
            DataSubject subject;
            Instant day;
            try {
                kind = RequestType.of(type);
                List<PhoneNumber> numbers = new ArrayList<>();
                for (String phone : phones) {
                    numbers.add(PhoneNumber.tryParse(phone)
                            .orElseThrow(() ->
                                    new IllegalArgumentException("--phone " + phone + " is not a telephone number")));
                }
                subject = new DataSubject(numbers, dossiers, name, email);
                day = received == null
                        ? null
                        : LocalDate.parse(received).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (IllegalArgumentException | DateTimeParseException e) {
                System.err.println("callgate: " + e.getMessage());
                return HoldCommand.BAD_REQUEST;
            }
            return IndexCommands.withRecords(config.file, opened -> {
                try {
                    RightsRequest request =
                            opened.governance().requests().open(kind, subject, day, via, HoldCommand.actor(by));
                    System.out.println("request opened: " + describe(request, false));
                    return 0;
                } catch (IllegalArgumentException refused) {
                    System.err.println("callgate: " + refused.getMessage());
                    return HoldCommand.BAD_REQUEST;
                }
            });
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "verify", description = "Record how the requester's identity was checked (R22).")
    static final class Verify extends Step {

        @Option(
                names = "--method",
                required = true,
                paramLabel = "TEXT",
                description = "how: ID card at the desk, a call back to the number on file, ...")
        String method;

        @Override
        RightsRequest take(RequestDesk desk, String actor) throws IOException {
            return desk.verify(id, method, actor);
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "extend", description = "Move the due date, at most to three months after receipt (R20).")
    static final class Extend extends Step {

        @Option(names = "--until", required = true, paramLabel = "YYYY-MM-DD", description = "the new due date")
        LocalDate until;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why, as the requester is told")
        String reason;

        @Override
        RightsRequest take(RequestDesk desk, String actor) throws IOException {
            return desk.extend(id, until.atStartOfDay(ZoneOffset.UTC).toInstant(), reason, actor);
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(
            name = "answer",
            description = "Close a verified request with its answer: what was done and kept, and why.")
    static final class Answer extends Step {

        @Option(names = "--text", required = true, paramLabel = "TEXT", description = "the answer")
        String text;

        @Override
        RightsRequest take(RequestDesk desk, String actor) throws IOException {
            return desk.answer(id, text, actor);
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "refuse", description = "Close a request refused, with the reason.")
    static final class Refuse extends Step {

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why")
        String reason;

        @Override
        RightsRequest take(RequestDesk desk, String actor) throws IOException {
            return desk.refuse(id, reason, actor);
        }
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(name = "list", description = "List open requests, soonest due first; --overdue, --due-soon or --all.")
    static final class ListRequests implements Callable<Integer> {

        @Option(names = "--all", description = "answered and refused requests too")
        boolean all;

        @Option(names = "--overdue", description = "only those past their due date")
        boolean overdue;

        @Option(names = "--due-soon", description = "only those due within a week")
        boolean dueSoon;

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            return IndexCommands.withRecords(config.file, opened -> {
                RequestDesk desk = opened.governance().requests();
                List<RightsRequest> shown = overdue ? desk.overdue() : dueSoon ? desk.dueSoon() : desk.list(all);
                shown.forEach(r -> System.out.println(describe(r, desk.overdue(r))));
                System.out.println(shown.size() + " requests"
                        + (overdue ? " overdue" : dueSoon ? " due within a week" : all ? "" : " open"));
                return 0;
            });
        }
    }
}
