package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.callgate.core.dossier.Dossier;
import org.callgate.store.ObjectKey;
import org.callgate.store.s3.RgwServer;
import org.callgate.store.s3.S3BucketSetup;
import org.callgate.store.s3.S3Clients;
import org.callgate.store.s3.S3RecordingStore;
import org.callgate.store.s3.S3Settings;
import org.callgate.store.s3.TestBuckets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Edits of one dossier from two nodes on one Object Lock bucket of a real Ceph RGW, each with its
 * own S3 client, index and journal (ADR 0018): the RGW that ignores {@code If-None-Match} there,
 * and keeps a second put of a key as a second version, still never lets both store the same
 * version of a dossier (R2, R3).
 */
@ExtendWith(RgwServer.class)
class DossierVersionsOnS3Test {

    @TempDir
    Path dir;

    private S3Settings settings;
    private final List<S3RecordingStore> stores = new ArrayList<>();
    private final List<NodeRecords> nodes = new ArrayList<>();

    @BeforeEach
    void bucket(RgwServer.Endpoint rgw) throws Exception {
        settings = rgw.settings(TestBuckets.unique("versions"));
        new S3BucketSetup(settings).ensureLockedBucket();
    }

    @AfterEach
    void close() throws Exception {
        for (NodeRecords node : nodes) {
            node.close();
        }
        stores.forEach(S3RecordingStore::close);
    }

    /** A node with an S3 client of its own, through {@code race} when not null. */
    private NodeRecords node(String name, ClaimRace race) throws Exception {
        S3RecordingStore store = new S3RecordingStore(settings);
        stores.add(store);
        NodeRecords node = new NodeRecords(race == null ? store : race.through(store), dir.resolve(name));
        nodes.add(node);
        return node;
    }

    @Test
    void twoNodesEditingBankingVersionOneAtOnceStoreOneVersionTwoAndTheOtherIsToldToReload() throws Exception {
        ClaimRace race = new ClaimRace(2);
        NodeRecords a = node("a", race);
        NodeRecords b = node("b", race);
        Dossier created = a.create("banking"); // its versions compliance-locked: a second one could never go
        b.sees(created);
        String number = created.number();

        List<DossierVersionsTest.Outcome> outcomes = DossierVersionsTest.together(List.of(
                () -> a.dossiers.update(number, details("edited on a")),
                () -> b.dossiers.update(number, details("edited on b"))));

        assertThat(outcomes).filteredOn(DossierVersionsTest.Outcome::written).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !o.written())
                .singleElement()
                .satisfies(o -> assertThat(o.refused())
                        .isInstanceOf(DossierChangedException.class)
                        .hasMessageContaining("version 2 is the latest; reload it and edit again"));
        S3RecordingStore store = stores.getFirst();
        assertThat(store.list("dossiers/" + number + "/"))
                .extracting(ObjectKey::value)
                .containsExactly("dossiers/" + number + "/v000001.json", "dossiers/" + number + "/v000002.json");
        assertThat(store.list(Dossiers.versionClaims(number))).hasSize(1);
        assertThat(objectVersions("dossiers/" + number + "/v000002.json"))
                .as("one version of the key: a second put would have kept two")
                .isEqualTo(1);
        String winner = outcomes.stream()
                .filter(DossierVersionsTest.Outcome::written)
                .findFirst()
                .orElseThrow()
                .dossier()
                .notes();
        assertThat(a.dossiers.get(number).orElseThrow().notes()).isEqualTo(winner);
        assertThat(b.dossiers.get(number).orElseThrow().notes()).isEqualTo(winner);
    }

    @Test
    void twentyCallsLinkedAtOnceByTwoThreadsOnEachOfTwoNodesAreAllLinkedOneVersionEach() throws Exception {
        NodeRecords a = node("a", null);
        NodeRecords b = node("b", null);
        Dossier created = a.create();
        b.sees(created);
        String number = created.number();
        List<Callable<Dossier>> threads = DossierVersionsTest.linkers(a, b, number);

        List<DossierVersionsTest.Outcome> outcomes = DossierVersionsTest.together(threads);

        assertThat(outcomes).allMatch(DossierVersionsTest.Outcome::written);
        S3RecordingStore store = stores.getFirst();
        List<ObjectKey> versions = store.list("dossiers/" + number + "/");
        assertThat(versions)
                .extracting(RecordKeys::dossierVersion)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 21).boxed().toList());
        Dossier latest = RecordJson.dossier(store.get(versions.getLast()).readAllBytes());
        assertThat(latest.calls()).hasSize(20).doesNotHaveDuplicates();
        assertThat(store.list(Dossiers.versionClaims(number))).hasSize(20);
        for (ObjectKey version : versions) {
            assertThat(objectVersions(version.value())).as(version.value()).isEqualTo(1);
        }
    }

    /** How many versions the bucket keeps of {@code key}, asked of S3 itself: the store shows one. */
    private int objectVersions(String key) {
        try (S3Client raw = S3Clients.create(settings)) {
            return (int) raw.listObjectVersions(r -> r.bucket(settings.bucket()).prefix(key)).versions().stream()
                    .filter(v -> v.key().equals(key))
                    .count();
        }
    }

    private static DossierDetails details(String notes) {
        return new DossierDetails("Dubois", "Marie", List.of("0475 12 34 56"), null, null, notes);
    }
}
