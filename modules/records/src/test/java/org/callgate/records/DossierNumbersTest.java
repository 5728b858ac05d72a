package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.callgate.core.dossier.Dossier;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectInfo;
import org.callgate.store.TestProfiles;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dossier numbers on a store that several nodes share (R2, R3, ADR 0018): each is claimed in the
 * store before its dossier is written, so no two nodes hand out the same one.
 */
class DossierNumbersTest {

    @TempDir
    Path dir;

    private FileRecordingStore store;
    private NodeRecords a;
    private NodeRecords b;

    @BeforeEach
    void open() throws Exception {
        store = new FileRecordingStore(dir.resolve("store"), Clock.fixed(RecordsFixture.NOW, ZoneOffset.UTC));
        a = new NodeRecords(store, dir.resolve("a"));
        b = new NodeRecords(store, dir.resolve("b"));
    }

    @AfterEach
    void close() throws Exception {
        a.close();
        b.close();
        store.close();
    }

    @Test
    void twoNodesCreatingAThousandDossiersAtOnceGetAThousandDistinctNumbers() throws Exception {
        List<String> numbers = NodeRecords.createConcurrently(List.of(a, b), 2, 250);

        assertThat(numbers).hasSize(1000).doesNotHaveDuplicates();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(NodeRecords.numbers(2026, 1, 1000));
        assertThat(store.list("dossiers/")).hasSize(1000);
        assertThat(store.list(DossierNumbers.PREFIX)).hasSize(1000);
    }

    @Test
    void aNumberAnotherNodeClaimedMeanwhileIsSkipped() throws Exception {
        assertThat(b.create().number()).isEqualTo("D2026-000001");
        assertThat(a.create().number()).isEqualTo("D2026-000002");
        assertThat(a.create().number()).isEqualTo("D2026-000003");

        assertThat(b.create().number()).isEqualTo("D2026-000004");
    }

    @Test
    void aNodeFarBehindCatchesUpWithOneListingPerHundredNumbers() throws Exception {
        var retention = TestProfiles.DEFAULT.retentionFor("dossier", RecordsFixture.NOW);
        CountingStore counting = new CountingStore(store);
        DossierNumbers behind = new DossierNumbers(counting);
        DossierNumbers ahead = new DossierNumbers(store);
        assertThat(behind.claim(RecordsFixture.NOW, retention)).isEqualTo("D2026-000001");
        assertThat(counting.lists.get())
                .as("the year's claims and dossiers, once")
                .isEqualTo(2);
        for (int i = 0; i < 250; i++) {
            ahead.claim(RecordsFixture.NOW, retention);
        }
        int lists = counting.lists.get();
        int creates = counting.creates.get();

        assertThat(behind.claim(RecordsFixture.NOW, retention)).isEqualTo("D2026-000252");

        assertThat(counting.lists.get() - lists)
                .as("listings of 000000-99, 000100-199, 000200-299")
                .isEqualTo(3);
        assertThat(counting.creates.get() - creates)
                .as("2, 100 and 200 lost, 252 won")
                .isEqualTo(4);
    }

    @Test
    void numbersContinueAfterDossiersStoredBeforeNumbersWereClaimed() throws Exception {
        Dossier old = a.create();
        store.delete(Dossiers.numberClaim(old.number()), false); // as stored by a version without claims

        NodeRecords restarted = new NodeRecords(store, dir.resolve("c"));
        try {
            assertThat(restarted.create().number()).isEqualTo("D2026-000002");
        } finally {
            restarted.close();
        }
    }

    @Test
    void aClaimHoldsNoPersonalDataAndIsKeptUnlockedAsLongAsItsDossier() throws Exception {
        Dossier banking = a.create("banking");

        ObjectInfo claim = store.head(Dossiers.numberClaim(banking.number())).orElseThrow();
        String json = new String(store.get(claim.key()).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(claim.key().value()).isEqualTo("dossier-numbers/2026/D2026-000001.json");
        assertThat(claim.retention().retentionClass()).isEqualTo("banking-dossier");
        assertThat(claim.retention().retainUntil())
                .isEqualTo(banking.retention().retainUntil());
        assertThat(claim.retention().mode()).isEqualTo(LockMode.NONE);
        assertThat(json).isEqualTo("{\"dossier\":\"D2026-000001\",\"claimed\":\"2026-11-26T09:00:00Z\"}");
    }
}
