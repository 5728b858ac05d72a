package org.callgate.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callgate.records.SyntheticData;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The purge and legal holds from the command line, on a store of generated records and a profile
 * that keeps call traces one day, so that most of a year of generated traces is due now (R1, R19);
 * every step lands in the audit log, whose chain stays intact (R11).
 */
class RetentionCommandsTest {

    @TempDir
    Path dir;

    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void aStoreOfGeneratedRecordsUnderAOneDayTraceProfile() throws Exception {
        Path retention = Files.createDirectories(dir.resolve("retention"));
        String shipped = Files.readString(Path.of("../../config/retention/default.yaml"));
        Files.writeString(retention.resolve("short.yaml"), shipped.replace("keep: 1 year", "keep: 1 day"));
        config = Files.writeString(dir.resolve("callgate.yaml"), """
                prompts-dir: %s
                retention-dir: %s
                store:
                  path: %s
                  spool: %s
                  retention-profile: short
                """.formatted(
                        GatewayFixture.PROMPTS, retention, dir.resolve("store"), dir.resolve("spool")));
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, UTF_8));
        System.setErr(new PrintStream(err, true, UTF_8));
        assertThat(run("generate-data", "--dossiers", "3", "--calls", "200", "--seed", "11"))
                .isZero();
    }

    @AfterEach
    void restoreTheTerminal() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void aDryRunCountsAHeldCallersTracesStayAndGoAfterTheReleaseAndTheAuditChainHoldsIt() {
        long due = count(run("purge", "--dry-run"), "records due \\(trace (\\d+)\\)");
        assertThat(lastLine()).endsWith("nothing destroyed");
        assertThat(due).isBetween(190L, 200L);

        String caller = new SyntheticData(11, java.time.Instant.EPOCH, TestProfiles.DEFAULT)
                .mobile(0)
                .e164();
        assertThat(run(
                        "hold",
                        "place",
                        "--caller",
                        caller,
                        "--case",
                        "CASE-1",
                        "--reason",
                        "court order",
                        "--by",
                        "dpo"))
                .isZero();
        assertThat(lastLine()).startsWith("hold placed: H").contains("case CASE-1 (court order)");
        String holdId = lastLine().substring("hold placed: ".length()).split(" ")[0];
        assertThat(run("hold", "list")).isZero();
        assertThat(out.toString(UTF_8))
                .contains(holdId + " caller " + caller)
                .endsWith("1 active holds" + System.lineSeparator());

        long destroyed = count(run("purge"), "records destroyed \\(trace (\\d+)\\)");
        assertThat(destroyed)
                .as("the held caller's traces stay")
                .isLessThan(due)
                .isPositive();

        assertThat(run("hold", "release", holdId, "--by", "dpo")).isZero();
        long rest = count(run("purge"), "records destroyed \\(trace (\\d+)\\)");
        assertThat(destroyed + rest).isEqualTo(due);

        assertThat(run("audit", "verify")).isZero();
        assertThat(lastLine()).contains("chain intact");
    }

    @Test
    void releasingAHoldThatIsNotThereIsOneLineAndExitTwo() {
        assertThat(run("hold", "release", "H-none")).isEqualTo(2);
        assertThat(err.toString(UTF_8))
                .isEqualTo("callgate: no active legal hold H-none (hold list shows them)" + System.lineSeparator());
    }

    @Test
    void aHoldNeedsExactlyOneThingToCover() {
        assertThat(run("hold", "place", "--case", "C", "--reason", "r")).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("--dossier").doesNotContain("Exception");
    }

    private int run(String... args) {
        out.reset();
        String[] withConfig = new String[args.length + 2];
        System.arraycopy(args, 0, withConfig, 0, args.length);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = config.toString();
        return new CommandLine(new Main()).execute(withConfig);
    }

    private String lastLine() {
        String[] lines = out.toString(UTF_8).strip().split("\\R");
        return lines[lines.length - 1];
    }

    private long count(int exit, String pattern) {
        assertThat(exit).as(err.toString(UTF_8)).isZero();
        Matcher m = Pattern.compile(pattern).matcher(out.toString(UTF_8));
        assertThat(m.find()).as(out.toString(UTF_8)).isTrue();
        return Long.parseLong(m.group(1));
    }
}
