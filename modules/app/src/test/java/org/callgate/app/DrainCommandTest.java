package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code callgate drain} against the gateway's side of it ({@link DrainWatch}) over the node's
 * drain files, with a stand-in for the SIP gateway whose calls the test ends (ADR 0017). Where the
 * command would wait out a limit, its clock moves a second each time it is read.
 */
class DrainCommandTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dir;

    private Path config;
    private DrainFiles files;
    private final Node node = new Node();
    private final StringWriter output = new StringWriter();
    private DrainWatch watch;

    @BeforeEach
    void aNodeWithItsStateDirectoryInATemporaryDirectory() throws Exception {
        config = Files.writeString(dir.resolve("callgate.yaml"), """
                prompts-dir: %s
                store:
                  path: %s
                  spool: %s
                """.formatted(
                        GatewayFixture.PROMPTS, dir.resolve("store"), dir.resolve("spool")));
        files = DrainFiles.of(Main.loadConfig(config).store());
    }

    @AfterEach
    void stopTheWatch() {
        if (watch != null) {
            watch.close();
        }
    }

    @Test
    void theDrainFilesAreBesideTheSpoolLikeTheUserFile() {
        assertThat(files.request).isEqualTo(dir.resolve("drain.request"));
        assertThat(files.status).isEqualTo(dir.resolve("drain.status"));
    }

    @Test
    void aRequestFileMadeByHandDrainsTheNodeAndDeletingItEndsTheDrain() throws Exception {
        watch = new DrainWatch(files, node, Clock.fixed(NOW, ZoneOffset.UTC));
        node.calls.set(3);
        watch.check();
        assertThat(node.draining).isFalse();
        assertThat(Files.readString(files.status)).contains("state=serving", "calls=3");

        Files.createFile(files.request);
        watch.check();
        assertThat(node.draining).isTrue();
        assertThat(Files.readString(files.status)).contains("state=draining", "calls=3");

        Files.delete(files.request);
        watch.check();
        assertThat(node.draining).isFalse();
        assertThat(Files.readString(files.status)).contains("state=serving");

        watch.close();
        assertThat(Files.readString(files.status)).contains("state=stopped", "calls=0");
        watch = null;
    }

    @Test
    void drainWaitsUntilTheNodesCallsHaveEndedPrintingHowManyRemain() throws Exception {
        node.calls.set(2);
        watch = DrainWatch.start(files, node, Clock.systemUTC());

        CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(() -> drain(Clock.systemUTC()));
        await().atMost(LIMIT).until(() -> output.toString().contains("2 calls in progress"));
        assertThat(node.draining).isTrue();
        assertThat(Files.readString(files.request)).contains("by=", "at=");

        node.calls.set(1);
        await().atMost(LIMIT).until(() -> output.toString().contains("draining: 1 call remains"));
        assertThat(drain).isNotDone();

        node.calls.set(0);
        assertThat(drain.get(LIMIT.toSeconds(), TimeUnit.SECONDS))
                .as("%s", output)
                .isZero();
        assertThat(output.toString()).contains("drained: no call in progress");
        assertThat(node.draining).as("the node stays out until --undo").isTrue();
    }

    @Test
    void withNoGatewayRunningTheRequestStaysAndTheNextStartDrainsFromTheFirstLook() throws Exception {
        int exit = drain(new SteppingClock());

        assertThat(exit).isEqualTo(DrainCommand.NO_GATEWAY);
        assertThat(output.toString()).contains("no running gateway with this configuration answered within 5s");
        assertThat(files.request).exists();

        watch = new DrainWatch(files, node, Clock.fixed(NOW, ZoneOffset.UTC));
        watch.check();
        assertThat(node.draining).isTrue();
    }

    @Test
    void callsStillInProgressAtTheTimeoutEndTheWaitWithExitCode1AndTheNodeGoesOnDraining() throws Exception {
        Files.writeString(files.request, "id=earlier\nby=anna\nat=2026-12-07T09:00:00Z\n");
        node.calls.set(1);
        watch = new DrainWatch(files, node, Clock.fixed(NOW, ZoneOffset.UTC));
        watch.check();

        int exit = drain(new SteppingClock(), "--timeout", "5s");

        assertThat(exit).isEqualTo(DrainCommand.CALLS_REMAIN);
        assertThat(output.toString())
                .contains("a drain is already requested by anna at 2026-12-07T09:00:00Z")
                .contains("1 call still in progress after 5s; the node goes on draining");
        assertThat(node.draining).isTrue();
        assertThat(files.request).exists();
    }

    @Test
    void undoWithdrawsTheRequestAndTheNodeTakesNewCallsAgain() throws Exception {
        Files.createFile(files.request);
        watch = DrainWatch.start(files, node, Clock.systemUTC());
        assertThat(node.draining).isTrue();

        int exit = drain(Clock.systemUTC(), "--undo");

        assertThat(exit).as("%s", output).isZero();
        assertThat(output.toString()).contains("serving: new calls are taken and OPTIONS answered 200 again");
        assertThat(node.draining).isFalse();
        assertThat(files.request).doesNotExist();
    }

    @Test
    void aTimeoutThatIsNoDurationIsRefusedWithExitCode2() {
        assertThat(drain(Clock.systemUTC(), "--timeout", "30")).isEqualTo(DrainCommand.BAD_ARGUMENTS);
        assertThat(output.toString()).contains("--timeout 30: expected a duration such as 30s");
        assertThat(files.request).doesNotExist();
    }

    private int drain(Clock clock, String... args) {
        DrainCommand command = new DrainCommand();
        command.clock = clock;
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        PrintWriter writer = new PrintWriter(output, true);
        return new CommandLine(command).setOut(writer).setErr(writer).execute(all);
    }

    /** The SIP gateway as the watch sees it. */
    private static final class Node implements DrainWatch.Node {
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean draining;

        @Override
        public void drain() {
            draining = true;
        }

        @Override
        public void resume() {
            draining = false;
        }

        @Override
        public boolean draining() {
            return draining;
        }

        @Override
        public int activeCalls() {
            return calls.get();
        }
    }

    /** A clock one second later each time it is read: a wait for a limit ends after that many reads. */
    private static final class SteppingClock extends Clock {
        private final AtomicInteger reads = new AtomicInteger();

        @Override
        public Instant instant() {
            return NOW.plusSeconds(reads.getAndIncrement());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
