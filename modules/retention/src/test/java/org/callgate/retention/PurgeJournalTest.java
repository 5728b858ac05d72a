package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The purge journal survives what a crash can leave in it. */
class PurgeJournalTest {

    @TempDir
    Path dir;

    @Test
    void aProgressLineTornByAPowerCutIsSkippedForTheOneBefore() throws Exception {
        PurgeJournal journal = new PurgeJournal(dir);
        journal.writePlan("R1", List.of("# x purged= kept=", "D\tdossier\tD1"));
        journal.recordProgress("R1", "1000 purged=dossier:1000 kept=");
        Files.writeString(dir.resolve("R1.done"), "2000 purged=dos", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(journal.progress("R1")).contains("1000 purged=dossier:1000 kept=");
    }

    @Test
    void theCountsOfAProgressLineReadBackAsWritten() {
        Tally tally = new Tally();
        tally.purged("trace", 5);
        tally.purged("recording", 3);
        tally.kept("locked", 1);

        assertThat(PurgeJournal.whole("20 " + tally.line())).isTrue();
        Tally back = Tally.parse(tally.line());
        assertThat(back.purged).isEqualTo(tally.purged);
        assertThat(back.kept).isEqualTo(tally.kept);
    }
}
