package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordKind;
import org.callgate.records.SyntheticData;
import org.callgate.store.StoreUnavailableException;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A purge the store stops half-way is finished by the next run, from its journal, and only what was due goes. */
class PurgeResumeTest {

    private static final Instant T = Instant.parse("2026-01-10T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aRunCutShortByAStoreOutageIsFinishedByTheNextAndNothingNotDueIsTouched() throws Exception {
        try (RetentionWorld world = new RetentionWorld(dir.resolve("world"), TestProfiles.DEFAULT, T)) {
            SyntheticData data = new SyntheticData(7, T, TestProfiles.DEFAULT);
            List<Dossier> due = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                due.add(data.dossier(i));
            }
            world.writer.writeAll(due, List.of());
            world.clock.set(T.plus(Duration.ofDays(400)));
            Dossier later = world.dossier("private", "+32475000001"); // created now: not due for 3 years
            long dueCount = due.stream()
                    .filter(d -> d.retention().retainUntil().isBefore(T.plus(Duration.ofDays(3 * 366 + 1))))
                    .count();
            Instant purgeAt = T.plus(Duration.ofDays(3 * 366 + 1));

            Purge failing = new Purge(
                    new FailingDeletes(world.store, 25),
                    world.index,
                    TestProfiles.DEFAULT,
                    LegalHoldCheck.NONE,
                    dir.resolve("world/purge"),
                    world.clock,
                    List.of(),
                    r -> {});
            world.clock.set(purgeAt);
            assertThatThrownBy(() -> failing.run(false)).isInstanceOf(StoreUnavailableException.class);
            assertThat(world.store.list("dossiers/")).as("some went, not all").isNotEmpty();

            PurgeReport fresh = world.purge.run(false);

            assertThat(world.reports).as("the resumed run, then a fresh one").hasSize(2);
            PurgeReport resumed = world.reports.getFirst();
            assertThat(resumed.run()).isEqualTo(fresh.run()); // the same instant: the plan of the run that failed
            assertThat(resumed.purgedTotal())
                    .as("the resumed run redoes at most what it had not recorded")
                    .isBetween(dueCount - 25, dueCount);
            assertThat(fresh.purgedTotal()).isZero();
            for (Dossier d : due) {
                boolean wasDue = !d.retention().retainUntil().isAfter(purgeAt);
                assertThat(world.store.list("dossiers/" + d.number() + "/").isEmpty())
                        .isEqualTo(wasDue);
                assertThat(world.inIndex(RecordKind.DOSSIER, d.number())).isEqualTo(!wasDue);
            }
            assertThat(world.store.list("dossiers/" + later.number() + "/")).hasSize(1);
            assertThat(world.inIndex(RecordKind.DOSSIER, later.number())).isTrue();
        }
    }

    @Test
    void aRunWhoseReportACrashCutOffIsReportedByTheNextWithTheSameCounts() throws Exception {
        try (RetentionWorld world = new RetentionWorld(dir.resolve("world"), TestProfiles.DEFAULT, T)) {
            SyntheticData data = new SyntheticData(7, T, TestProfiles.DEFAULT);
            List<Dossier> due = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                due.add(data.dossier(i));
            }
            world.writer.writeAll(due, List.of());
            world.clock.set(T.plus(Duration.ofDays(11 * 366)));
            List<PurgeReport> delivered = new ArrayList<>();
            Purge dyingWhileReporting = new Purge(
                    world.store,
                    world.index,
                    TestProfiles.DEFAULT,
                    LegalHoldCheck.NONE,
                    dir.resolve("world/purge"),
                    world.clock,
                    List.of(),
                    report -> {
                        delivered.add(report);
                        throw new IllegalStateException("killed while writing the audit entry");
                    });
            assertThatThrownBy(() -> dyingWhileReporting.run(false)).isInstanceOf(IllegalStateException.class);
            assertThat(world.store.list("dossiers/")).isEmpty();

            world.purge.run(false);

            PurgeReport again = world.reports.getFirst();
            assertThat(again.run()).isEqualTo(delivered.getFirst().run());
            assertThat(again.purged()).isEqualTo(delivered.getFirst().purged());
            assertThat(again.purgedTotal()).isEqualTo(due.size());
            assertThat(dir.resolve("world/purge").toFile().list()).isEmpty();
        }
    }

    @Test
    void whatACrashLeftInTheJournalThatNoRunWillReadIsRemoved() throws Exception {
        Path journal = Files.createDirectories(dir.resolve("purge"));
        Files.writeString(journal.resolve("20260110T080000Z.plan.tmp"), "# cut off while written\nD\tdossier\tD2026-0");
        Files.writeString(journal.resolve("20260109T080000Z.done"), "3 purged=dossier:3 kept=\n");
        Files.writeString(journal.resolve("20260111T080000Z.plan"), "# 00 purged= kept=\n");
        Files.writeString(journal.resolve("20260111T080000Z.done"), "1 purged= kept=\n");

        new PurgeJournal(journal);

        assertThat(journal.toFile().list())
                .as("an unfinished run's plan and progress stay")
                .containsExactlyInAnyOrder("20260111T080000Z.plan", "20260111T080000Z.done");
    }
}
