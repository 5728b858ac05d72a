package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.callgate.core.PhoneNumber;
import org.callgate.core.recording.ObjectionList;
import org.callgate.core.recording.Recording;
import org.callgate.core.recording.RecordingDecision;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.RequestType;
import org.callgate.core.request.RightsRequest;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;
import org.callgate.store.TestProfiles;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one store (ADR 0018): each keeps the registers in memory, and what is changed
 * through one applies on the other (R12 objections, R19 holds, R12 restrictions). The nodes
 * follow on their own schedulers; the tests wait for the change to show, with a bound that only
 * stops a broken run, never a slow one that works.
 */
class SharedRegistersTest {

    private static final Instant NOW = Instant.parse("2027-01-31T09:00:00Z");
    private static final PhoneNumber MARIE = PhoneNumber.parse("0475 12 34 56");
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private FileRecordingStore store;
    private final List<ScheduledExecutorService> schedulers = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = new FileRecordingStore(dir.resolve("store"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        schedulers.forEach(ScheduledExecutorService::shutdownNow);
        store.close();
    }

    private SharedRegisters node(String name) throws Exception {
        return SharedRegisters.open(store, TestProfiles.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC), name);
    }

    /** A node whose scheduler follows the others, as the gateway's does. */
    private SharedRegisters following(String name) throws Exception {
        SharedRegisters node = node(name);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("follow-" + name).factory());
        schedulers.add(scheduler);
        node.followOn(scheduler, Duration.ofMillis(20));
        return node;
    }

    private static DataSubject marie() {
        return new DataSubject(List.of(MARIE), List.of(), "Marie Dubois", null);
    }

    @Test
    void anObjectionRecordedThroughOneNodeStopsTheCallersNextSampledCallThroughTheOther() throws Exception {
        SharedRegisters a = following("a");
        SharedRegisters b = following("b");
        RecordingDecision decision = new RecordingDecision(1.0, "key", Set.of("banking"));
        ObjectionList objectionsOnB = b.requests().objections(ObjectionList.NONE);
        assertThat(decision.decide("call-1", "parcels", objectionsOnB.objects(MARIE.e164()), null)
                        .recorded())
                .isTrue();

        a.requests().open(RequestType.OBJECTION, marie(), null, "letter", "dpo");

        await().atMost(BOUND).until(() -> objectionsOnB.objects(MARIE.e164()));
        Recording next = decision.decide("call-2", "parcels", objectionsOnB.objects(MARIE.e164()), null);
        assertThat(next.recorded()).isFalse();
        assertThat(next.reason()).isEqualTo(Recording.Reason.OBJECTION);
    }

    @Test
    void aStepTakenThroughOneNodeIsTheRequestsStateOnTheOther() throws Exception {
        SharedRegisters a = following("a");
        SharedRegisters b = following("b");
        RightsRequest opened = a.requests().open(RequestType.ERASURE, marie(), null, "letter", "dpo");
        await().atMost(BOUND).until(() -> b.requests().find(opened.id()).isPresent());

        a.requests().step(opened.id(), r -> r.verify("ID card", "anna", NOW.plusSeconds(60)));

        await().atMost(BOUND)
                .until(() -> b.requests().find(opened.id()).orElseThrow().verification() != null);
        RightsRequest answered = b.requests().step(opened.id(), r -> r.answer("erased", "dpo", NOW.plusSeconds(120)));
        await().atMost(BOUND)
                .until(() -> a.requests().find(opened.id()).orElseThrow().equals(answered));
    }

    @Test
    void aHoldPlacedThroughOneNodeCoversTheCallersNewRecordsOnTheOtherUntilItsRelease() throws Exception {
        SharedRegisters a = following("a");
        SharedRegisters b = following("b");

        LegalHold hold = a.holds().place(LegalHold.Scope.CALLER, "0475 12 34 56", "C-17", "dispute", "anna");

        await().atMost(BOUND).until(() -> !b.holds().covering(null, MARIE, null).isEmpty());
        assertThat(b.holds().find(hold.id())).contains(hold);

        b.holds().release(hold.id(), "anna");

        await().atMost(BOUND).until(() -> a.holds().covering(null, MARIE, null).isEmpty());
        assertThat(a.holds().find(hold.id()).orElseThrow().releasedBy()).isEqualTo("anna");
    }

    @Test
    void aRestrictionPlacedThroughOneNodeHidesTheRecordOnTheOtherUntilItIsLifted() throws Exception {
        SharedRegisters a = following("a");
        SharedRegisters b = following("b");
        Retention kept = new Retention("banking-dossier", NOW.plus(Duration.ofDays(3653)), LockMode.COMPLIANCE);

        a.restrictions().restrict(SubjectRecords.Kind.DOSSIER, "D2027-000001", "R1", NOW, kept);

        await().atMost(BOUND).until(() -> b.restrictions().restricted(SubjectRecords.Kind.DOSSIER, "D2027-000001"));
        assertThat(b.restrictions().by(SubjectRecords.Kind.DOSSIER, "D2027-000001"))
                .contains("R1");

        a.restrictions().lift(SubjectRecords.Kind.DOSSIER, "D2027-000001");

        await().atMost(BOUND).until(() -> !b.restrictions().restricted(SubjectRecords.Kind.DOSSIER, "D2027-000001"));
    }

    @Test
    void followingAtRestLooksUpOneKeyAndListsNothing() throws Exception {
        CountingStore counting = new CountingStore(store);
        SharedRegisters b = SharedRegisters.open(counting, TestProfiles.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC), "b");
        int before = counting.requests();

        for (int step = 0; step < 10; step++) {
            assertThat(b.follow()).isFalse();
        }

        assertThat(counting.requests() - before).isEqualTo(10);
        assertThat(counting.lists.get()).isEqualTo(3 + 1); // the three registers and the log, at start only
    }

    @Test
    void aChangeWhoseRingWasLostIsReadAtTheNextFullReRead() throws Exception {
        MovableClock clock = new MovableClock(NOW);
        SharedRegisters b = SharedRegisters.open(store, TestProfiles.DEFAULT, clock, "b");
        LegalHolds silent = LegalHolds.load(store, TestProfiles.DEFAULT, clock); // rings nobody: a lost ring
        silent.place(LegalHold.Scope.DOSSIER, "D2027-000001", "C-17", "dispute", "anna");

        assertThat(b.follow()).isFalse();
        assertThat(b.holds().covering("D2027-000001", null, null)).isEmpty();

        clock.advance(SharedRegisters.RESCAN_EVERY);
        assertThat(b.follow()).isTrue();
        assertThat(b.holds().covering("D2027-000001", null, null)).hasSize(1);
    }

    @Test
    void aNodeFarBehindFindsTheNewestRingByOneListingAndReadsOnlyWhatIsNew() throws Exception {
        SharedRegisters a = node("a");
        CountingStore counting = new CountingStore(store);
        SharedRegisters b = SharedRegisters.open(counting, TestProfiles.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC), "b");
        for (int i = 1; i <= 40; i++) {
            a.restrictions()
                    .restrict(
                            SubjectRecords.Kind.TRACE,
                            "call-" + i,
                            "R1",
                            NOW,
                            new Retention("trace", NOW.plus(Duration.ofDays(365)), LockMode.NONE));
        }
        int readsBefore = counting.reads.get();

        assertThat(b.follow()).isTrue();

        assertThat(b.restrictions().restricted(SubjectRecords.Kind.TRACE, "call-40"))
                .isTrue();
        assertThat(counting.reads.get() - readsBefore).isEqualTo(40);
        assertThat(counting.heads.get()).isLessThanOrEqualTo(16);
        assertThat(b.follow()).isFalse();
    }

    @Test
    void nodesRingingAtOnceTakeDistinctEntriesWithoutGaps() throws Exception {
        int nodes = 6;
        int rings = 20;
        List<RegisterChanges> logs = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            logs.add(RegisterChanges.open(store, Clock.fixed(NOW, ZoneOffset.UTC), "n" + n));
        }
        CyclicBarrier start = new CyclicBarrier(nodes);
        try (ExecutorService threads = Executors.newFixedThreadPool(nodes)) {
            List<Future<Void>> done = new ArrayList<>();
            for (RegisterChanges log : logs) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < rings; i++) {
                        log.ring();
                    }
                    return null;
                }));
            }
            for (Future<Void> d : done) {
                d.get();
            }
        }

        List<ObjectKey> entries = store.list(RegisterChanges.PREFIX);
        assertThat(entries).hasSize(nodes * rings);
        assertThat(entries.getLast()).isEqualTo(RegisterChanges.key(nodes * rings));
    }

    @Test
    void theLogKeepsItsNewestEntriesAndANodeThatStartsBeginsAtTheNewest() throws Exception {
        RegisterChanges a = RegisterChanges.open(store, Clock.fixed(NOW, ZoneOffset.UTC), "a");
        for (int i = 0; i < 12; i++) {
            a.ring();
        }

        assertThat(a.catchUp(5)).isEqualTo(12);

        assertThat(store.list(RegisterChanges.PREFIX))
                .containsExactly(
                        RegisterChanges.key(7),
                        RegisterChanges.key(8),
                        RegisterChanges.key(9),
                        RegisterChanges.key(10),
                        RegisterChanges.key(11),
                        RegisterChanges.key(12));
        RegisterChanges started = RegisterChanges.open(store, Clock.fixed(NOW, ZoneOffset.UTC), "b");
        assertThat(started.heard()).isEqualTo(12);
        started.ring();
        assertThat(store.list(RegisterChanges.PREFIX).getLast()).isEqualTo(RegisterChanges.key(13));
    }
}
