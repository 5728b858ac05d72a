package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.callgate.core.dossier.Dossier;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;
import org.callgate.store.StoreUnavailableException;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits of one dossier on two nodes that share a store (R2, ADR 0018): each version after the
 * first is claimed before it is written, so two nodes that edit the same version at once never
 * both store the next one; an agent's edit that loses is refused (reload and edit again), a link
 * that loses is made again on top of the winner's version.
 */
class DossierVersionsTest {

    @TempDir
    Path dir;

    private FileRecordingStore store;
    private final List<NodeRecords> nodes = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = new FileRecordingStore(dir.resolve("store"), Clock.fixed(RecordsFixture.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() throws Exception {
        for (NodeRecords node : nodes) {
            node.close();
        }
        store.close();
    }

    private NodeRecords node(String name, RecordingStore through) throws Exception {
        NodeRecords node = new NodeRecords(through, dir.resolve(name));
        nodes.add(node);
        return node;
    }

    @Test
    void twoNodesEditingVersionOneAtOnceStoreOneVersionTwoAndTheOtherIsToldToReload() throws Exception {
        ClaimRace race = new ClaimRace(2);
        NodeRecords a = node("a", race.through(store));
        NodeRecords b = node("b", race.through(store));
        Dossier created = a.create();
        b.sees(created);
        String number = created.number();

        List<Outcome> outcomes = together(List.of(
                () -> a.dossiers.update(number, details("edited on a")),
                () -> b.dossiers.update(number, details("edited on b"))));

        assertThat(outcomes)
                .filteredOn(Outcome::written)
                .singleElement()
                .satisfies(won -> assertThat(won.dossier().version()).isEqualTo(2));
        Outcome lost = outcomes.stream().filter(o -> !o.written()).findFirst().orElseThrow();
        assertThat(lost.refused())
                .isInstanceOf(DossierChangedException.class)
                .hasMessage("dossier " + number + " was changed meanwhile (on another node): version 1 was edited,"
                        + " version 2 is the latest; reload it and edit again");
        assertThat(store.list("dossiers/" + number + "/"))
                .extracting(ObjectKey::value)
                .containsExactly("dossiers/" + number + "/v000001.json", "dossiers/" + number + "/v000002.json");
        assertThat(store.list(Dossiers.versionClaims(number)))
                .extracting(ObjectKey::value)
                .containsExactly("dossier-versions/" + number + "/v000002.json");
        String winner = outcomes.stream()
                .filter(Outcome::written)
                .findFirst()
                .orElseThrow()
                .dossier()
                .notes();
        assertThat(latestStored(number).notes()).isEqualTo(winner);
        assertThat(a.dossiers.get(number).orElseThrow().notes())
                .as("the loser's node shows the winner's version, so a reload shows it")
                .isEqualTo(winner);
        assertThat(b.dossiers.get(number).orElseThrow().notes()).isEqualTo(winner);
    }

    @Test
    void aNodeWhoseIndexHasNotSeenAnotherNodesEditIsToldToReloadAndThenShowsAndEditsTheLatest() throws Exception {
        NodeRecords a = node("a", store);
        NodeRecords b = node("b", store);
        Dossier created = a.create();
        b.sees(created);
        b.dossiers.update(created.number(), details("edited on b"));

        assertThatThrownBy(() -> a.dossiers.update(created.number(), details("edited on a, on version 1")))
                .isInstanceOf(DossierChangedException.class)
                .hasMessageContaining("version 2 is the latest; reload it and edit again");

        assertThat(a.dossiers.get(created.number()).orElseThrow().notes()).isEqualTo("edited on b");
        Dossier again = a.dossiers.update(created.number(), details("edited on a, on version 2"));
        assertThat(again.version()).isEqualTo(3);
        assertThat(latestStored(created.number()).notes()).isEqualTo("edited on a, on version 2");
    }

    @Test
    void twoNodesLinkingDifferentCallsAtOnceBothEndUpLinked() throws Exception {
        ClaimRace race = new ClaimRace(2);
        NodeRecords a = node("a", race.through(store));
        NodeRecords b = node("b", race.through(store));
        Dossier created = a.create();
        b.sees(created);
        String number = created.number();

        List<Outcome> outcomes = together(
                List.of(() -> a.dossiers.linkCall(number, "call-a"), () -> b.dossiers.linkCall(number, "call-b")));

        assertThat(outcomes).allMatch(Outcome::written);
        assertThat(outcomes).extracting(o -> o.dossier().version()).containsExactlyInAnyOrder(2, 3);
        assertThat(store.list("dossiers/" + number + "/")).hasSize(3);
        assertThat(store.list(Dossiers.versionClaims(number))).hasSize(2);
        Dossier latest = latestStored(number);
        assertThat(latest.version()).isEqualTo(3);
        assertThat(latest.calls()).containsExactlyInAnyOrder("call-a", "call-b");
    }

    @Test
    void twentyCallsLinkedAtOnceByTwoThreadsOnEachOfTwoNodesAreAllLinkedOneVersionEach() throws Exception {
        NodeRecords a = node("a", store);
        NodeRecords b = node("b", store);
        Dossier created = a.create();
        b.sees(created);
        String number = created.number();
        List<Callable<Dossier>> threads = linkers(a, b, number);

        List<Outcome> outcomes = together(threads);

        assertThat(outcomes).allMatch(Outcome::written);
        Dossier latest = latestStored(number);
        assertThat(latest.version()).isEqualTo(21);
        assertThat(latest.calls()).hasSize(20).doesNotHaveDuplicates();
        assertThat(store.list("dossiers/" + number + "/"))
                .extracting(RecordKeys::dossierVersion)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 21).boxed().toList());
        assertThat(store.list(Dossiers.versionClaims(number))).hasSize(20);
    }

    @Test
    void aCallerCheckAddedOnANodeBehindAnotherNodesEditIsAddedOnTopOfIt() throws Exception {
        NodeRecords a = node("a", store);
        NodeRecords b = node("b", store);
        Dossier created = a.create();
        b.sees(created);
        b.dossiers.update(created.number(), details("edited on b"));

        Dossier checked = a.dossiers.amend(
                created.number(),
                d -> new DossierDetails(
                        d.name(), d.firstName(), d.phones(), d.iban(), d.email(), d.notes() + "\niban check ok"));

        assertThat(checked.version()).isEqualTo(3);
        assertThat(latestStored(created.number()).notes()).isEqualTo("edited on b\niban check ok");
    }

    @Test
    void aWriteThatFailsReleasesItsClaimSoTheNextEditWritesTheVersion() throws Exception {
        AtomicBoolean fail = new AtomicBoolean(true);
        NodeRecords a = node("a", new ForwardingStore(store) {
            @Override
            public ObjectInfo put(ObjectKey key, byte[] bytes, ObjectAttributes attributes) throws StoreException {
                if (key.value().endsWith("/v000002.json") && fail.getAndSet(false)) {
                    throw new StoreUnavailableException("the store is away");
                }
                return super.put(key, bytes, attributes);
            }
        });
        Dossier created = a.create();

        assertThatThrownBy(() -> a.dossiers.update(created.number(), details("first try")))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(store.list(Dossiers.versionClaims(created.number())))
                .as("released")
                .isEmpty();

        assertThat(a.dossiers.update(created.number(), details("second try")).version())
                .isEqualTo(2);
        assertThat(latestStored(created.number()).notes()).isEqualTo("second try");
    }

    @Test
    void aClaimWhoseVersionIsNeverStoredIsReleasedAfterTenMinutesAndTheDossierCanBeEditedAgain() throws Exception {
        MovableClock clock = new MovableClock(RecordsFixture.NOW);
        NodeRecords a = new NodeRecords(store, dir.resolve("a"), clock, Duration.ZERO);
        nodes.add(a);
        Dossier created = a.create();
        Dossier neverStored = created.linking("call-of-a-node-that-stopped", RecordsFixture.NOW);
        assertThat(new DossierVersions(store).claim(neverStored, RecordsFixture.NOW))
                .isTrue(); // then that node stopped

        assertThatThrownBy(() -> a.dossiers.update(created.number(), details("edited")))
                .isInstanceOf(DossierChangedException.class)
                .hasMessageContaining("version 2 is being written on top of version 1");
        clock.advance(DossierVersions.ABANDONED.minusSeconds(1));
        assertThatThrownBy(() -> a.dossiers.update(created.number(), details("edited")))
                .isInstanceOf(DossierChangedException.class);
        clock.advance(Duration.ofSeconds(1));

        assertThat(a.dossiers.update(created.number(), details("edited")).version())
                .isEqualTo(2);
        assertThat(latestStored(created.number()).notes()).isEqualTo("edited");
        assertThat(store.list(Dossiers.versionClaims(created.number()))).hasSize(1);
    }

    @Test
    void anEditOnTopOfAVersionStoredBeforeVersionsWereClaimedIsRefusedAsAConflictToo() throws Exception {
        NodeRecords a = node("a", store);
        NodeRecords b = node("b", store);
        Dossier created = a.create();
        b.sees(created);
        b.dossiers.update(created.number(), details("edited on b"));
        store.delete(DossierVersions.claimKey(created.number(), 2), false); // as stored before claims

        assertThatThrownBy(() -> a.dossiers.update(created.number(), details("edited on a")))
                .isInstanceOf(DossierChangedException.class)
                .hasMessageContaining("version 2 is the latest");
        assertThat(latestStored(created.number()).notes()).isEqualTo("edited on b");
    }

    @Test
    void aVersionClaimHoldsNoPersonalDataAndIsKeptUnlockedAsLongAsItsDossier() throws Exception {
        NodeRecords a = node("a", store);
        Dossier banking = a.create("banking");
        assertThat(store.list(Dossiers.versionClaims(banking.number())))
                .as("version 1 is claimed with its number")
                .isEmpty();

        a.dossiers.update(banking.number(), details("edited"));

        ObjectInfo claim =
                store.head(DossierVersions.claimKey(banking.number(), 2)).orElseThrow();
        String json = new String(store.get(claim.key()).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(claim.key().value()).isEqualTo("dossier-versions/D2026-000001/v000002.json");
        assertThat(claim.retention().retentionClass()).isEqualTo("banking-dossier");
        assertThat(claim.retention().retainUntil())
                .isEqualTo(banking.retention().retainUntil());
        assertThat(claim.retention().mode()).isEqualTo(LockMode.NONE);
        assertThat(claim.legalHold()).isFalse();
        assertThat(json)
                .matches("\\{\"dossier\":\"D2026-000001\",\"version\":2,\"claimed\":\"2026-11-26T09:00:00Z\","
                        + "\"claim\":\"[0-9a-f-]{36}\"}");
    }

    private Dossier latestStored(String number) throws Exception {
        List<ObjectKey> versions = store.list("dossiers/" + number + "/");
        return RecordJson.dossier(store.get(versions.getLast()).readAllBytes());
    }

    private static DossierDetails details(String notes) {
        return new DossierDetails("Dubois", "Marie", List.of("0475 12 34 56"), null, null, notes);
    }

    /** What one writer came to: the version it wrote, or why it was refused. */
    record Outcome(Dossier dossier, Exception refused) {
        boolean written() {
            return dossier != null;
        }
    }

    /** Runs the tasks on a thread each, started together (a barrier, not a delay). */
    static List<Outcome> together(List<Callable<Dossier>> tasks) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<Future<Dossier>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            for (Callable<Dossier> task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Dossier> task : running) {
                try {
                    outcomes.add(new Outcome(task.get(), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome(null, (Exception) e.getCause()));
                }
            }
            return outcomes;
        }
    }

    /** Two threads on each node, each linking 5 calls of its own to dossier {@code number}. */
    static List<Callable<Dossier>> linkers(NodeRecords a, NodeRecords b, String number) {
        List<Callable<Dossier>> threads = new ArrayList<>();
        for (NodeRecords node : List.of(a, b)) {
            for (int t = 0; t < 2; t++) {
                String thread = (node == a ? "a" : "b") + t;
                threads.add(() -> {
                    Dossier last = null;
                    for (int i = 0; i < 5; i++) {
                        last = node.dossiers.linkCall(number, "call-" + thread + "-" + i);
                    }
                    return last;
                });
            }
        }
        return threads;
    }
}
