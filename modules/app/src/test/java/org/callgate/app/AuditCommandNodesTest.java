package org.callgate.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
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

/**
 * {@code callgate audit verify} with two nodes on one store (R11, ADR 0018): this node's chain
 * from its log, the other's from the store, one line each; exit 0 only when both are intact.
 */
class AuditCommandNodesTest {

    @TempDir
    Path dir;

    private Path config;
    private String headOfA;
    private String headOfB;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void twoNodesArchivedTheirChains() throws Exception {
        config = Files.writeString(dir.resolve("callgate.yaml"), """
                prompts-dir: %s
                node-id: gw-a
                store:
                  path: %s
                  spool: %s
                """.formatted(
                        GatewayFixture.PROMPTS, dir.resolve("store"), dir.resolve("a/spool")));
        try (FileRecordingStore store = new FileRecordingStore(dir.resolve("store"), Clock.systemUTC())) {
            headOfA = archived(store, dir.resolve("a/audit"), "gw-a", 3);
            headOfB = archived(store, dir.resolve("b/audit"), "gw-b", 2);
        }
        stdout = System.out;
        System.setOut(new PrintStream(out, true, UTF_8));
    }

    /** A node's log of {@code entries} entries, each in a segment of its own (the size limit is one byte) and archived as {@code node}. */
    private static String archived(FileRecordingStore store, Path logDir, String node, int entries) throws Exception {
        try (AuditLog log = AuditLog.open(new AuditLog.Settings(logDir, 1, Duration.ofDays(1)), Clock.systemUTC())) {
            for (int i = 0; i < entries; i++) {
                log.append(AuditActions.DOSSIER_READ, node, Map.of("dossier", AuditActions.hashedId(node + i)));
            }
            new AuditArchive(log, store, Period.ofYears(10), Clock.systemUTC(), node).sealAndUpload();
            return log.head().orElseThrow().hash();
        }
    }

    @AfterEach
    void restoreTheTerminal() {
        System.setOut(stdout);
    }

    @Test
    void bothChainsAreIntactAndEachIsOneLine() {
        assertThat(verify()).isEqualTo(0);

        assertThat(out.toString(UTF_8).lines())
                .containsExactly(
                        "audit: node gw-a (this node): 3 entries in 3 segments, chain intact (head seq 3, hash "
                                + headOfA + ")",
                        "audit: node gw-b (from the store): 2 entries in 2 segments, chain intact (head seq 2, hash "
                                + headOfB + ")");
    }

    @Test
    void theOtherNodesChainAlteredInTheStoreExitsOneNamingIt() throws Exception {
        Path copy = dir.resolve("store/objects/audit/nodes/gw-b/segments/000001.jsonl");
        Files.writeString(copy, Files.readString(copy, UTF_8).replaceFirst("\"actor\":\"gw-b\"", "\"actor\":\"gw-c\""));

        assertThat(verify()).isEqualTo(AuditCommand.BROKEN);

        assertThat(out.toString(UTF_8).lines())
                .element(1)
                .asString()
                .startsWith("audit: node gw-b (from the store): chain broken at audit/nodes/gw-b/segments/000001.jsonl"
                        + " line 1 (seq 1): edited");
    }

    private int verify() {
        return new CommandLine(new Main()).execute("audit", "verify", "--config", config.toString());
    }
}
