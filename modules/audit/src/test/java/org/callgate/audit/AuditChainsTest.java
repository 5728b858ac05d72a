package org.callgate.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one store, each with its own chain (R11, ADR 0018): {@code audit verify} on one
 * node checks its own log against its copies and the other node's chain from the store, and
 * reports each; the chain a callgate archived before node ids is checked with the node it belongs to.
 */
class AuditChainsTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private FileRecordingStore store;
    private final List<AuditLog> logs = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = new FileRecordingStore(dir.resolve("store"), clock);
    }

    @AfterEach
    void close() throws Exception {
        for (AuditLog log : logs) {
            log.close();
        }
        store.close();
    }

    /** A node's log with {@code entries} entries by {@code node}, its first segment sealed after them. */
    private AuditLog log(String node, int entries) throws Exception {
        AuditLog log = AuditLog.open(new AuditLog.Settings(dir.resolve(node), 1 << 20, Duration.ofHours(1)), clock);
        logs.add(log);
        for (int i = 1; i <= entries; i++) {
            log.append(AuditActions.DOSSIER_READ, node, Map.of("dossier", AuditActions.hashedId(node + i)));
        }
        return log;
    }

    /** The node's log opened again, as by the upgraded callgate's first start. */
    private AuditLog restart(AuditLog log, String node) throws Exception {
        log.close();
        logs.remove(log);
        AuditLog reopened =
                AuditLog.open(new AuditLog.Settings(dir.resolve(node), 1 << 20, Duration.ofHours(1)), clock);
        logs.add(reopened);
        return reopened;
    }

    private AuditArchive archive(AuditLog log, String node) {
        return new AuditArchive(log, store, Period.ofYears(10), clock, node);
    }

    private void sealAll() {
        clock.advance(Duration.ofHours(1));
    }

    private List<AuditChains.Chain> verifyOn(String node) throws Exception {
        return AuditChains.verify(dir.resolve(node), node, store);
    }

    @Test
    void eachNodesChainIsVerifiedTogetherAndReportedPerNode() throws Exception {
        AuditLog a = log("a", 3);
        AuditLog b = log("b", 2);
        sealAll();
        archive(a, "a").sealAndUpload();
        archive(b, "b").sealAndUpload();

        List<AuditChains.Chain> chains = verifyOn("a");

        assertThat(chains).extracting(AuditChains.Chain::node).containsExactly("a", "b");
        assertThat(chains).allMatch(chain -> chain.verification().intact());
        assertThat(chains.get(0).line())
                .isEqualTo("audit: node a (this node): 3 entries in 1 segments, chain intact (head seq 3, hash "
                        + a.head().orElseThrow().hash() + ")");
        assertThat(chains.get(1).line())
                .isEqualTo("audit: node b (from the store): 2 entries in 1 segments, chain intact (head seq 2, hash "
                        + b.head().orElseThrow().hash() + ")");
        assertThat(store.list("audit/nodes/b/"))
                .extracting(key -> key.value())
                .containsExactly("audit/nodes/b/heads/000000000002.json", "audit/nodes/b/segments/000001.jsonl");
    }

    @Test
    void anotherNodesSealedCopyEditedInTheStoreIsNamedFromThisNode() throws Exception {
        AuditLog a = log("a", 1);
        AuditLog b = log("b", 3);
        sealAll();
        archive(a, "a").sealAndUpload();
        archive(b, "b").sealAndUpload();
        Path copy = dir.resolve("store/objects/audit/nodes/b/segments/000001.jsonl");
        String edited = Files.readString(copy, UTF_8).replaceFirst("\"actor\":\"b\"", "\"actor\":\"c\"");
        Files.writeString(copy, edited, UTF_8); // same length: only the chain can tell

        AuditChains.Chain b1 = verifyOn("a").get(1);

        assertThat(b1.verification().firstBreak().orElseThrow().reason()).isEqualTo(AuditVerification.Reason.EDITED);
        assertThat(b1.line())
                .isEqualTo("audit: node b (from the store): chain broken at audit/nodes/b/segments/000001.jsonl"
                        + " line 1 (seq 1): edited: its hash does not match its content");
    }

    @Test
    void anotherNodesEntriesSinceItsLastSealAreLeftToThatNodeNotCalledTruncated() throws Exception {
        log("a", 1);
        AuditLog b = log("b", 2);
        sealAll();
        AuditArchive archiveOfB = archive(b, "b");
        archiveOfB.sealAndUpload();
        b.append(AuditActions.DOSSIER_READ, "b", Map.of());
        b.append(AuditActions.DOSSIER_READ, "b", Map.of());
        archiveOfB.sealAndUpload(); // the head, seq 4; the segment holding 3 and 4 is not sealed yet

        AuditChains.Chain chain = verifyOn("a").get(1);

        assertThat(chain.verification().intact()).isTrue();
        assertThat(chain.storedHead()).isEqualTo(4);
        assertThat(chain.line()).endsWith("; entries 3 to 4 are in its active segment: verify on that node");
    }

    @Test
    void theChainArchivedBeforeNodeIdsIsCheckedAgainstTheLogOfTheNodeThatWroteIt() throws Exception {
        AuditLog a = log("a", 4);
        sealAll();
        new AuditArchive(a, store, Period.ofYears(10), clock).sealAndUpload(); // before node ids
        LogFiles.forgeFrom(LogFiles.segment(dir.resolve("a"), 1), AuditLines.GENESIS, 3, "x");
        archive(restart(a, "a"), "a").sealAndUpload(); // after the upgrade: its copy of the forged segment

        List<AuditChains.Chain> chains = verifyOn("a");

        assertThat(chains)
                .singleElement()
                .satisfies(chain -> assertThat(chain.line())
                        .isEqualTo("audit: node a (this node): chain broken at segment-000001.jsonl line 3 (seq 3):"
                                + " differs from its sealed copy audit/segments/000001.jsonl in the store"));
    }

    @Test
    void theChainAnotherNodeArchivedBeforeNodeIdsIsPartOfThatNodesChain() throws Exception {
        AuditLog a = log("a", 3);
        log("b", 1);
        sealAll();
        new AuditArchive(a, store, Period.ofYears(10), clock).sealAndUpload();
        archive(a, "a").sealAndUpload();

        List<AuditChains.Chain> chains = verifyOn("b");

        assertThat(chains)
                .extracting(AuditChains.Chain::node)
                .as("no third chain")
                .containsExactly("b", "a");
        assertThat(chains).allMatch(chain -> chain.verification().intact());
    }

    @Test
    void anotherNodesCopiesThatDifferFromWhatItArchivedBeforeNodeIdsAreNamed() throws Exception {
        AuditLog a = log("a", 3);
        log("b", 1);
        sealAll();
        new AuditArchive(a, store, Period.ofYears(10), clock).sealAndUpload();
        LogFiles.forgeFrom(LogFiles.segment(dir.resolve("a"), 1), AuditLines.GENESIS, 2, "x");
        archive(restart(a, "a"), "a").sealAndUpload(); // after the upgrade: its copy of the forged segment

        AuditChains.Chain chain = verifyOn("b").get(1);

        assertThat(chain.line())
                .isEqualTo("audit: node a (from the store): chain broken at audit/nodes/a/segments/000001.jsonl"
                        + " line 2 (seq 2): differs from its sealed copy audit/segments/000001.jsonl in the store");
    }

    @Test
    void aChainArchivedBeforeNodeIdsThatNoNodeContinuesIsCheckedOnItsOwn() throws Exception {
        AuditLog x = log("x", 2);
        log("b", 1);
        sealAll();
        new AuditArchive(x, store, Period.ofYears(10), clock).sealAndUpload();

        List<AuditChains.Chain> chains = verifyOn("b");

        assertThat(chains).extracting(AuditChains.Chain::node).containsExactly("b", null);
        assertThat(chains.get(1).line())
                .startsWith("audit: before node ids (audit/): 2 entries in 1 segments, chain intact (head seq 2");
    }

    @Test
    void aNodeIdThatCannotNameAKeySegmentIsRefused() throws Exception {
        AuditLog a = log("a", 1);

        assertThat(AuditArchive.validNode("gw-1.example.be")).isTrue();
        assertThatThrownBy(() -> archive(a, "gw/1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> archive(a, "..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> archive(a, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLogArchivedAsANodeIsCheckedAgainstThatNodesCopiesByThePlainVerifyToo() throws Exception {
        AuditLog a = log("a", 4);
        archive(a, "a").sealAndUpload(); // the head, seq 4
        LogFiles.keepFirstLines(LogFiles.segment(dir.resolve("a"), 1), 2);

        AuditVerification verification = AuditVerifier.verify(dir.resolve("a"), store);

        assertThat(verification.firstBreak().orElseThrow().reason()).isEqualTo(AuditVerification.Reason.TRUNCATED);
        assertThat(verification.firstBreak().orElseThrow().detail())
                .contains("head audit/nodes/a/heads/000000000004.json is seq 4");
    }

    @Test
    void aLogKeepsTheNodeItWasFirstArchivedAsWhenTheNodeIdChanges() throws Exception {
        AuditLog a = log("a", 1);
        archive(a, "gw-1").sealAndUpload();
        a.append(AuditActions.DOSSIER_READ, "a", Map.of());

        archive(a, "gw-renamed").sealAndUpload();

        assertThat(Files.readString(dir.resolve("a/node-id"), UTF_8)).isEqualTo("gw-1\n");
        assertThat(store.list("audit/nodes/"))
                .extracting(key -> key.value())
                .containsExactly(
                        "audit/nodes/gw-1/heads/000000000001.json", "audit/nodes/gw-1/heads/000000000002.json");
        assertThat(AuditChains.verify(dir.resolve("a"), "gw-renamed", store))
                .singleElement()
                .satisfies(chain -> assertThat(chain.node()).isEqualTo("gw-1"));
    }
}
