package org.callgate.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigCheck;
import org.callgate.app.config.ConfigException;
import org.callgate.app.config.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code callgate drain [--timeout D] [--no-wait] [--undo]}: takes a running {@code callgate serve}
 * out of a group of nodes behind a load balancer without cutting a call (ADR 0017). It writes the
 * node's drain request ({@link DrainFiles}), waits until the gateway says it drains, then until its
 * calls have ended, printing how many remain each time that changes. {@code --undo} withdraws the
 * request, and the node takes new calls again.
 *
 * <p>Exit status: 0 drained (no call left; with {@code --no-wait}, draining) or, with {@code
 * --undo}, serving; 1 calls still in progress at the timeout (the node goes on draining); 2 a bad
 * option or configuration; 3 no running gateway answered within {@link #ANSWER_LIMIT} (the request
 * stays: a gateway started with this configuration drains from its start).
 */
@Command(
        name = "drain",
        description = "Take this node out of the load balancer: new calls and OPTIONS get 503, calls in progress"
                + " go on; waits until they have ended. --undo takes new calls again.")
final class DrainCommand implements Callable<Integer> {

    static final int CALLS_REMAIN = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int NO_GATEWAY = 3;

    /** Several of the gateway's looks ({@link DrainWatch#INTERVAL}): a running gateway answers within it. */
    static final Duration ANSWER_LIMIT = DrainWatch.INTERVAL.multipliedBy(5);

    /** How often the status is read while waiting. */
    private static final Duration POLL = Duration.ofMillis(200);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFile config;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "30m",
            description = "how long to wait for the calls to end, e.g. 90s, 30m, 2h (default: ${DEFAULT-VALUE});"
                    + " exit code 1 if some remain")
    String timeout;

    @Option(names = "--no-wait", description = "return once the node drains, without waiting for its calls")
    boolean noWait;

    @Option(names = "--undo", description = "end the drain: the node takes new calls and answers OPTIONS 200 again")
    boolean undo;

    @Option(names = "--by", paramLabel = "NAME", description = "who asks (default: the OS user)")
    String by;

    /** Where "now" comes from: the system clock, or a test's. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Duration> limit = Durations.parse(timeout);
        if (limit.isEmpty()) {
            err.println("callgate: --timeout " + timeout + ": " + Durations.REASON);
            return BAD_ARGUMENTS;
        }
        CallgateConfig loaded;
        try {
            loaded = Main.loadConfig(config.file);
        } catch (ConfigException e) {
            e.errors().forEach(err::println);
            return ConfigCheck.INVALID;
        }
        DrainFiles files = DrainFiles.of(loaded.store());
        try {
            return undo ? undo(files, limit.get(), out) : drain(files, limit.get(), out, err);
        } catch (IOException e) {
            err.println("callgate: cannot use the drain files in " + files.dir() + " (run as the gateway's user): "
                    + e.getMessage());
            return NO_GATEWAY;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int drain(DrainFiles files, Duration limit, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        Instant start = clock.instant();
        Instant deadline = start.plus(limit);
        DrainFiles.Request request;
        if (Files.exists(files.request)) {
            request = DrainFiles.Request.read(files.request);
            out.println("a drain is already requested " + request.describe() + "; following it");
        } else {
            request = new DrainFiles.Request(
                    UUID.randomUUID().toString(), HoldCommand.actor(by), start.truncatedTo(ChronoUnit.SECONDS));
            request.write(files.request);
        }
        Optional<DrainFiles.Status> answer =
                await(files, earlier(deadline, start.plus(ANSWER_LIMIT)), status -> answers(status, request));
        if (answer.isEmpty()) {
            err.println("callgate: no running gateway with this configuration answered within "
                    + Durations.format(ANSWER_LIMIT) + " (" + files.dir() + "); the request stays, so a gateway"
                    + " started with it drains from its start; callgate drain --undo withdraws it");
            return NO_GATEWAY;
        }
        int calls = answer.get().calls();
        out.println("draining: new calls and OPTIONS get 503; " + calls(calls) + " in progress");
        if (noWait) {
            return 0;
        }
        while (calls > 0) {
            int before = calls;
            Optional<DrainFiles.Status> next = await(
                    files, deadline, status -> status.state() != DrainFiles.State.DRAINING || status.calls() != before);
            if (next.isEmpty()) {
                err.println("callgate: " + calls(calls) + " still in progress after " + timeout
                        + "; the node goes on draining (callgate drain waits again, --undo ends the drain)");
                return CALLS_REMAIN;
            }
            if (next.get().state() == DrainFiles.State.STOPPED) {
                out.println("the gateway stopped: its calls have ended");
                return 0;
            }
            if (next.get().state() == DrainFiles.State.SERVING) {
                err.println("callgate: the drain was withdrawn (callgate drain --undo) while waiting");
                return CALLS_REMAIN;
            }
            calls = next.get().calls();
            out.println("draining: " + calls(calls) + (calls == 1 ? " remains" : " remain"));
        }
        out.println("drained: no call in progress; the node takes no new calls until callgate drain --undo");
        return 0;
    }

    private static boolean answers(DrainFiles.Status status, DrainFiles.Request request) {
        return status.state() == DrainFiles.State.DRAINING && status.request().equals(request.id());
    }

    private int undo(DrainFiles files, Duration limit, PrintWriter out) throws IOException, InterruptedException {
        if (!Files.deleteIfExists(files.request)) {
            out.println("no drain was requested");
        }
        Instant now = clock.instant();
        Optional<DrainFiles.Status> answer = await(
                files,
                earlier(now.plus(limit), now.plus(ANSWER_LIMIT)),
                status -> status.state() != DrainFiles.State.DRAINING);
        if (answer.isPresent() && answer.get().state() == DrainFiles.State.SERVING) {
            out.println("serving: new calls are taken and OPTIONS answered 200 again; "
                    + calls(answer.get().calls()) + " in progress");
        } else {
            out.println("drain withdrawn; no running gateway answered within " + Durations.format(ANSWER_LIMIT)
                    + ", so none will drain at its next start");
        }
        return 0;
    }

    /** Reads the status until {@code until} holds for it or {@code deadline} passes. */
    private Optional<DrainFiles.Status> await(DrainFiles files, Instant deadline, Predicate<DrainFiles.Status> until)
            throws IOException, InterruptedException {
        while (true) {
            Optional<DrainFiles.Status> status = DrainFiles.Status.read(files.status);
            if (status.isPresent() && until.test(status.get())) {
                return status;
            }
            if (!clock.instant().isBefore(deadline)) {
                return Optional.empty();
            }
            Thread.sleep(POLL);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String calls(int calls) {
        return calls == 1 ? "1 call" : calls + " calls";
    }
}
