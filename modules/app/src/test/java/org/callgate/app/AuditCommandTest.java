package org.callgate.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callgate.audit.AuditActions;
import org.callgate.audit.AuditArchive;
import org.callgate.audit.AuditLog;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code callgate audit verify}: one line and exit 0 on an intact chain, the first broken entry and 1 otherwise (R11). */
class AuditCommandTest {

    @TempDir
    Path dir;

    private Path config;
    private Path auditDir;
    private String head;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void aConfigurationAndAnAuditLogOfFourEntries() throws Exception {
        config = Files.writeString(dir.resolve("callgate.yaml"), """
                prompts-dir: %s
                store:
                  path: %s
                  spool: %s
                """.formatted(
                        GatewayFixture.PROMPTS, dir.resolve("store"), dir.resolve("spool")));
        auditDir = dir.resolve("audit");
        try (FileRecordingStore store = new FileRecordingStore(dir.resolve("store"), Clock.systemUTC());
                AuditLog log = AuditLog.open(AuditLog.Settings.in(auditDir), Clock.systemUTC())) {
            log.append(AuditActions.CONFIG_LOAD, "callgate", Map.of("profile", "default"));
            log.append(AuditActions.PURGE, "purge", Map.of("recording", 3));
            log.append(AuditActions.HOLD_PLACE, "compliance-1", Map.of("hold", "H-7"));
            log.append(AuditActions.RECORDING_READ, "compliance-1", Map.of("recording", AuditActions.hashedId("c-9")));
            new AuditArchive(log, store, Period.ofYears(10), Clock.systemUTC()).sealAndUpload();
            head = log.head().orElseThrow().hash();
        }
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
    void theAuditLogLivesBesideTheSpoolAsTheIndexDoes() throws Exception {
        assertThat(AuditCommand.directory(Main.loadConfig(config).store())).isEqualTo(auditDir);
    }

    @Test
    void anIntactLogExitsZeroWithItsTotalsAndHead() {
        assertThat(verify()).isEqualTo(0);
        assertThat(out.toString(UTF_8))
                .isEqualTo("audit: 4 entries in 1 segments, chain intact (head seq 4, hash " + head + ")"
                        + System.lineSeparator());
        assertThat(err.toString(UTF_8)).isEmpty();
    }

    @Test
    void anEditedLineExitsOneWithOneLineNamingIt() throws Exception {
        Path segment = auditDir.resolve("segment-000001.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(segment, UTF_8));
        lines.set(1, lines.get(1).replace("\"recording\":3", "\"recording\":0"));
        Files.write(segment, lines, UTF_8);

        assertThat(verify()).isEqualTo(AuditCommand.BROKEN);
        assertThat(out.toString(UTF_8))
                .isEqualTo("audit: chain broken at segment-000001.jsonl line 2 (seq 2): edited: its hash does not"
                        + " match its content" + System.lineSeparator());
    }

    @Test
    void aTailCutOffAfterTheHeadWasStoredExitsOneNamingTheTruncation() throws Exception {
        Path segment = auditDir.resolve("segment-000001.jsonl");
        Files.write(segment, Files.readAllLines(segment, UTF_8).subList(0, 2), UTF_8);

        assertThat(verify()).isEqualTo(AuditCommand.BROKEN);
        assertThat(out.toString(UTF_8))
                .startsWith("audit: chain broken at segment-000001.jsonl line 3 (seq 3): truncated:")
                .contains("head audit/heads/000000000004.json is seq 4");
    }

    @Test
    void aStoreThatCannotBeOpenedIsOneLineOnStandardErrorWithoutAStackTrace() throws Exception {
        try (FileRecordingStore held = new FileRecordingStore(dir.resolve("store"), Clock.systemUTC())) {
            assertThat(verify()).isEqualTo(AuditCommand.CANNOT_CHECK);
        }

        assertThat(err.toString(UTF_8).lines().toList())
                .singleElement()
                .asString()
                .startsWith("callgate: audit verify failed: cannot open the file store at ");
        assertThat(out.toString(UTF_8)).isEmpty();
    }

    private int verify() {
        return new CommandLine(new Main()).execute("audit", "verify", "--config", config.toString());
    }
}
