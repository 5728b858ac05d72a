package org.callgate.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Data-subject requests from the command line (R12, R20, R22): opened, verified, answered, listed
 * by deadline, every step in the audit log without the requester's personal data (R11).
 */
class RequestCommandTest {

    @TempDir
    Path dir;

    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void aConfigurationWithAFileStore() throws Exception {
        config = Files.writeString(dir.resolve("callgate.yaml"), """
                prompts-dir: %s
                store:
                  path: %s
                  spool: %s
                """.formatted(
                        GatewayFixture.PROMPTS, dir.resolve("store"), dir.resolve("spool")));
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, UTF_8));
        System.setErr(new PrintStream(err, true, UTF_8));
    }

    @AfterEach
    void restoreTheTerminal() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void anErasureRequestIsOpenedVerifiedAndAnsweredAndEveryStepIsAuditedWithoutTheRequester() throws Exception {
        assertThat(run(
                        "request",
                        "open",
                        "--type",
                        "erasure",
                        "--phone",
                        "0475 12 34 56",
                        "--dossier",
                        "D2026-000001",
                        "--name",
                        "Marie Dubois",
                        "--via",
                        "letter",
                        "--by",
                        "dpo"))
                .isZero();
        assertThat(lastLine()).startsWith("request opened: R").contains(" erasure open, received ");
        String id = lastLine().substring("request opened: ".length()).split(" ")[0];

        assertThat(run("request", "answer", id, "--text", "done", "--by", "dpo"))
                .isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("not verified (R22)").doesNotContain("Exception");

        assertThat(run("request", "verify", id, "--method", "ID card at the desk", "--by", "anna"))
                .isZero();
        assertThat(lastLine()).contains("identity checked by anna (ID card at the desk)");
        assertThat(run(
                        "request",
                        "extend",
                        id,
                        "--until",
                        LocalDate.now(ZoneOffset.UTC).plusMonths(4).toString(),
                        "--reason",
                        "many recordings"))
                .isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("three months after receipt");
        assertThat(run(
                        "request",
                        "answer",
                        id,
                        "--text",
                        "sampled recordings erased; banking kept (R8)",
                        "--by",
                        "dpo"))
                .isZero();

        assertThat(run("request", "list")).isZero();
        assertThat(lastLine()).isEqualTo("0 requests open");
        assertThat(run("request", "list", "--all")).isZero();
        assertThat(out.toString(UTF_8)).contains(id + " erasure answered");

        String audit = auditLog();
        assertThat(audit).contains("request.open", "request.verify", "request.answer", id);
        assertThat(audit).doesNotContain("475123456", "475 12 34 56", "Dubois", "D2026-000001");
        assertThat(run("audit", "verify")).isZero();
    }

    @Test
    void aRequestReceivedMoreThanAMonthAgoAndNotAnsweredIsListedOverdue() {
        String twoMonthsAgo = LocalDate.now(ZoneOffset.UTC).minusMonths(2).toString();
        assertThat(run("request", "open", "--type", "access", "--dossier", "D2026-000002", "--received", twoMonthsAgo))
                .isZero();
        String late = lastLine().substring("request opened: ".length()).split(" ")[0];
        assertThat(run("request", "open", "--type", "objection", "--phone", "+32 2 278 50 44"))
                .isZero();
        String fresh = lastLine().substring("request opened: ".length()).split(" ")[0];

        assertThat(run("request", "list", "--overdue")).isZero();
        assertThat(out.toString(UTF_8))
                .contains(late + " access open")
                .contains("OVERDUE")
                .doesNotContain(fresh);
        assertThat(lastLine()).isEqualTo("1 requests overdue");
        assertThat(run("request", "list")).isZero();
        assertThat(lastLine()).isEqualTo("2 requests open");
    }

    @Test
    void anAccessRequestIsExportedToAZipAndAnErasureCarriedOutOnlyOnceVerified() throws Exception {
        assertThat(run("request", "open", "--type", "access", "--phone", "0475 12 34 56"))
                .isZero();
        String access = lastLine().substring("request opened: ".length()).split(" ")[0];
        Path zip = dir.resolve("answers/" + access + ".zip");

        assertThat(run("request", "export", access, "--to", zip.toString())).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("only once verified").contains("(R22)");
        assertThat(zip).doesNotExist();
        assertThat(run("request", "verify", access, "--method", "ID card")).isZero();
        assertThat(run("request", "export", access, "--to", zip.toString())).isZero();
        assertThat(lastLine()).isEqualTo("request " + access + " exported to " + zip);
        try (var entries = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(entries.stream().map(java.util.zip.ZipEntry::getName))
                    .containsExactlyInAnyOrder("summary.html", "manifest.json");
        }
        assertThat(run("request", "erase", access)).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("changes no record: export it, then answer it");
        assertThat(run("request", "close", access, "--answer", "sent the export", "--by", "dpo"))
                .isZero();
        assertThat(lastLine()).startsWith("request answered: " + access);

        assertThat(run("request", "open", "--type", "erasure", "--phone", "0475 12 34 56"))
                .isZero();
        String erasure = lastLine().substring("request opened: ".length()).split(" ")[0];
        assertThat(run("request", "verify", erasure, "--method", "call back")).isZero();
        assertThat(run("request", "erase", erasure)).isZero();
        assertThat(lastLine()).isEqualTo("erasure: 0 records erased, 0 kept.");
        assertThat(run("request", "close", erasure, "--refuse", "x", "--answer", "y"))
                .isEqualTo(2);
        assertThat(run("request", "open", "--type", "rectification", "--dossier", "D2026-000009"))
                .isZero();
        String rectification = lastLine().substring("request opened: ".length()).split(" ")[0];
        assertThat(run("request", "verify", rectification, "--method", "ID card"))
                .isZero();
        assertThat(run("request", "rectify", rectification, "--dossier", "D2026-000009"))
                .isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("names what to correct");
        assertThat(run("request", "rectify", rectification, "--dossier", "D2026-000009", "--name", "Dubois"))
                .isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("no dossier D2026-000009");

        assertThat(auditLog()).contains("request.export", "request.carry-out").doesNotContain("475123456");
        try (Stream<Path> reports = Files.walk(dir.resolve("store"))) {
            assertThat(reports.map(Path::toString)).anyMatch(p -> p.contains(erasure) && p.contains("erasure-"));
        }
    }

    @Test
    void badInputGetsOneLineAndExitTwo() {
        assertThat(run("request", "open", "--type", "deletion", "--phone", "0475123456"))
                .isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("not a request type: deletion");
        assertThat(run("request", "open", "--type", "access", "--name", "Marie"))
                .isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("a telephone number or a dossier number");
        assertThat(run("request", "open", "--type", "access", "--phone", "not a number"))
                .isEqualTo(2);
        assertThat(run("request", "verify", "R-none", "--method", "x")).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("no request R-none").doesNotContain("Exception");
    }

    private String auditLog() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir.resolve("audit"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(Files.readString(file, UTF_8));
            }
        }
        return text.toString();
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
}
