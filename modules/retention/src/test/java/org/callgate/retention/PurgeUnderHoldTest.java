package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordKind;
import org.callgate.records.LegalHold;
import org.callgate.store.ObjectKey;
import org.callgate.store.RetentionLockedException;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A legal hold suspends every purge of what it covers until it is released (R18, R19), covers new
 * records that join it while it is on, and takes a held trace out of its batch's fate; what no hold
 * covers goes on time.
 */
class PurgeUnderHoldTest {

    private static final Instant T = Instant.parse("2026-03-31T09:30:00Z");
    private static final Instant ELEVEN_YEARS_ON = Instant.parse("2037-04-01T00:00:00Z");
    private static final String CALLER = "+32475123456";
    private static final String OTHER = "+32478999888";

    @TempDir
    Path dir;

    private RetentionWorld world;

    @BeforeEach
    void open() throws Exception {
        world = new RetentionWorld(dir, TestProfiles.DEFAULT, T);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void aDossierHoldKeepsTheDossierItsTracesAndRecordingsUntilReleasedThenTheyGo() throws Exception {
        Dossier dossier = world.dossier("banking", CALLER);
        world.trace("call-1", CALLER, dossier.number());
        ObjectKey audio = world.recording("call-1", CALLER, "banking", dossier.number());
        ObjectKey batch = PurgeTimeTravelTest.batchOf(world, "call-1");

        LegalHold hold = world.held
                .place(LegalHold.Scope.DOSSIER, dossier.number(), "CASE-42", "complaint", "compliance-1")
                .hold();

        assertThat(world.store.head(audio).orElseThrow().legalHold()).isTrue();
        assertThat(world.store.head(batch).orElseThrow().legalHold()).isTrue();
        assertThat(world.store
                        .head(ObjectKey.of("dossiers/" + dossier.number() + "/v000001.json"))
                        .orElseThrow()
                        .legalHold())
                .isTrue();
        assertThat(world.index.linkedTo(dossier.number())).hasSize(3).allMatch(IndexedRecord::legalHold);

        PurgeReport held = world.purgeAt(ELEVEN_YEARS_ON);
        assertThat(held.purgedTotal()).isZero();
        assertThat(world.inStore(audio) && world.inStore(batch)).isTrue();
        assertThat(world.index.linkedTo(dossier.number())).hasSize(3);

        world.held.release(hold.id(), "compliance-1");
        assertThat(world.store.head(audio).orElseThrow().legalHold()).isFalse();
        PurgeReport released = world.purgeAt(ELEVEN_YEARS_ON.plus(Duration.ofDays(1)));
        assertThat(released.purged())
                .containsEntry("banking-dossier", 1L)
                .containsEntry("trace", 1L)
                .containsEntry("banking-recording", 1L);
        assertThat(world.inStore(audio) || world.inStore(batch)).isFalse();
        assertThat(world.index.linkedTo(dossier.number())).isEmpty();
    }

    @Test
    void aReleasedHoldsRecordIsEvidenceForTenYearsFromItsReleaseThenGoes() throws Exception {
        Dossier dossier = world.dossier("private", CALLER);
        LegalHold hold = world.held
                .place(LegalHold.Scope.DOSSIER, dossier.number(), "CASE-3", "dispute", "compliance-1")
                .hold();
        world.clock.set(T.plus(Duration.ofDays(400)));
        world.held.release(hold.id(), "compliance-1");
        ObjectKey record = ObjectKey.of("holds/" + hold.id() + ".json");
        Instant tenYearsAfterRelease = Instant.parse("2037-05-05T09:30:00Z");

        assertThatThrownBy(() -> world.store.delete(record, true)).isInstanceOf(RetentionLockedException.class);
        PurgeReport before = world.purgeAt(tenYearsAfterRelease.minus(Duration.ofDays(1)));
        assertThat(before.purged()).doesNotContainKey("evidence");
        assertThat(world.inStore(record)).isTrue();

        PurgeReport after = world.purgeAt(tenYearsAfterRelease.plus(Duration.ofDays(1)));
        assertThat(after.purged()).containsEntry("evidence", 1L);
        assertThat(world.store.list("holds/")).isEmpty();
    }

    @Test
    void aHoldACrashLeftHalfPlacedIsFinishedBeforeThePurge() throws Exception {
        Dossier dossier = world.dossier("private", CALLER);
        ObjectKey audio = world.recording("call-h", CALLER, "private", dossier.number());
        // the register has the hold, but the process stopped before holding any object
        LegalHold hold = world.holds.place(LegalHold.Scope.DOSSIER, dossier.number(), "CASE-5", "dispute", "c-1");
        assertThat(world.store.head(audio).orElseThrow().legalHold()).isFalse();
        var reloaded = org.callgate.records.LegalHolds.load(world.store, TestProfiles.DEFAULT, world.clock);
        assertThat(reloaded.unfinished()).extracting(LegalHold::id).containsExactly(hold.id());

        assertThat(new org.callgate.records.HeldRecords(world.store, world.index, reloaded).resume())
                .isEqualTo(1);

        assertThat(world.store.head(audio).orElseThrow().legalHold()).isTrue();
        assertThat(org.callgate.records.LegalHolds.load(world.store, TestProfiles.DEFAULT, world.clock)
                        .unfinished())
                .isEmpty();
        world.purgeAt(ELEVEN_YEARS_ON);
        assertThat(world.inStore(audio)).isTrue();
    }

    @Test
    void anActiveHoldsRecordIsNeverPurged() throws Exception {
        Dossier dossier = world.dossier("private", CALLER);
        LegalHold hold = world.held
                .place(LegalHold.Scope.DOSSIER, dossier.number(), "CASE-4", "dispute", "compliance-1")
                .hold();
        world.purgeAt(Instant.parse("2060-01-01T00:00:00Z"));
        assertThat(world.inStore(ObjectKey.of("holds/" + hold.id() + ".json"))).isTrue();
    }

    @Test
    void aRecordThatJoinsAHeldDossierIsHeldFromItsCreation() throws Exception {
        Dossier dossier = world.dossier("private", CALLER);
        world.held.place(LegalHold.Scope.DOSSIER, dossier.number(), "CASE-7", "dispute", "compliance-1");

        world.trace("call-late", OTHER, dossier.number());
        ObjectKey audio = world.recording("call-late", OTHER, "private", dossier.number());

        assertThat(world.store.head(audio).orElseThrow().legalHold()).isTrue();
        assertThat(world.store
                        .head(PurgeTimeTravelTest.batchOf(world, "call-late"))
                        .orElseThrow()
                        .legalHold())
                .isTrue();
        world.purgeAt(ELEVEN_YEARS_ON);
        assertThat(world.inIndex(RecordKind.TRACE, "call-late")).isTrue();
        assertThat(world.inStore(audio)).isTrue();
    }

    @Test
    void aHeldTraceIsTakenOutOfItsBatchAndTheOthersInItGoOnTime() throws Exception {
        CallTrace held = trace("call-x", CALLER);
        CallTrace free = trace("call-y", OTHER);
        world.writer.writeAll(List.of(), List.of(held, free));
        ObjectKey batch = PurgeTimeTravelTest.batchOf(world, "call-x");
        assertThat(PurgeTimeTravelTest.batchOf(world, "call-y")).isEqualTo(batch);
        LegalHold hold = world.held
                .place(LegalHold.Scope.CALLER, "0475 12 34 56", "CASE-9", "police request", "compliance-2")
                .hold();

        PurgeReport report = world.purgeAt(T.plus(Duration.ofDays(367)));

        assertThat(report.purged()).containsEntry("trace", 1L);
        assertThat(world.inIndex(RecordKind.TRACE, "call-y")).isFalse();
        assertThat(world.inIndex(RecordKind.TRACE, "call-x")).isTrue();
        assertThat(world.inStore(batch)).as("the old batch").isFalse();
        ObjectKey rewritten = PurgeTimeTravelTest.batchOf(world, "call-x");
        assertThat(rewritten).isNotEqualTo(batch);
        assertThat(world.store.head(rewritten).orElseThrow().legalHold()).isTrue();
        try (InputStream in = world.store.get(rewritten)) {
            String lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(lines).contains("call-x").doesNotContain("call-y").doesNotContain(OTHER);
        }

        world.held.release(hold.id(), "compliance-2");
        world.purgeAt(T.plus(Duration.ofDays(368)));
        assertThat(world.inIndex(RecordKind.TRACE, "call-x")).isFalse();
        assertThat(world.inStore(rewritten)).isFalse();
    }

    @Test
    void aBankingRecordingCannotBeDeletedEarlyByAnyoneAndIsPurgedOnceDue() throws Exception {
        ObjectKey audio = world.recording("call-b", CALLER, "banking", null);
        world.clock.set(Instant.parse("2036-03-30T09:30:00Z"));

        assertThatThrownBy(() -> world.store.delete(audio, true)).isInstanceOf(RetentionLockedException.class);
        assertThat(world.purge.run(false).purgedTotal()).isZero();
        assertThat(world.inStore(audio)).isTrue();

        world.purgeAt(Instant.parse("2036-04-01T09:30:00Z"));
        assertThat(world.inStore(audio)).isFalse();
        assertThat(world.inIndex(RecordKind.RECORDING, "call-b")).isFalse();
    }

    @Test
    void aDryRunCountsWhatIsDueAndDestroysNothing() throws Exception {
        ObjectKey audio = world.recording("call-s", CALLER, "private", null);
        world.clock.set(T.plus(Duration.ofDays(200)));

        PurgeReport report = world.purge.run(true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.purged()).containsEntry("recording", 1L);
        assertThat(world.inStore(audio)).isTrue();
        assertThat(world.inIndex(RecordKind.RECORDING, "call-s")).isTrue();
        assertThat(world.reports).isEmpty();
    }

    @Test
    void aRecordOfAClassTheProfileDoesNotKnowIsKeptAndReported() throws Exception {
        CallTrace legacy = trace("call-old", CALLER);
        world.index.put(
                legacy.withRetention(new org.callgate.core.dossier.RecordRetention(
                        "legacy-class", T.plus(Duration.ofDays(1)), false)),
                "traces/2026/03/31/call-old.jsonl");

        PurgeReport report = world.purgeAt(T.plus(Duration.ofDays(400)));

        assertThat(report.kept()).containsEntry("unclassified:legacy-class", 1L);
        assertThat(world.inIndex(RecordKind.TRACE, "call-old")).isTrue();
        assertThat(world.reports)
                .singleElement()
                .satisfies(r -> assertThat(r.idsSha256()).hasSize(64));
    }

    private CallTrace trace(String callId, String phone) {
        return new CallTrace(
                callId,
                org.callgate.core.PhoneNumber.parse(phone),
                "private",
                "private",
                T,
                List.of(),
                "",
                "1",
                false,
                false,
                null,
                new org.callgate.core.dossier.RecordRetention(
                        "trace", TestProfiles.DEFAULT.retentionFor("trace", T).retainUntil(), false));
    }
}
