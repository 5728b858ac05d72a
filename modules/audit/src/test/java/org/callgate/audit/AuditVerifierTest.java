package org.callgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.callgate.audit.AuditVerification.Break;
import org.callgate.audit.AuditVerification.Reason;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editing, deleting, reordering or cutting off audit lines makes the verifier fail naming the first
 * broken entry (R11, the acceptance test).
 */
class AuditVerifierTest {

    @TempDir
    Path dir;

    @TempDir
    Path storeRoot;

    private final TestClock clock = new TestClock();
    private FileRecordingStore store;
    private AuditLog log;
    private Path logDir;
    private Path first;

    @BeforeEach
    void fiveEntries() throws Exception {
        store = new FileRecordingStore(storeRoot, clock);
        logDir = dir.resolve("audit");
        log = AuditLog.open(AuditLog.Settings.in(logDir), clock);
        appendFive();
        first = LogFiles.segment(logDir, 1);
    }

    @AfterEach
    void close() throws Exception {
        log.close();
        store.close();
    }

    @Test
    void anUntouchedLogIsIntactAndTheSummaryNamesItsHead() throws Exception {
        AuditVerification verification = AuditVerifier.verify(logDir, store);

        assertThat(verification.intact()).isTrue();
        String hash = log.head().orElseThrow().hash();
        assertThat(verification.summary())
                .isEqualTo("audit: 5 entries in 1 segments, chain intact (head seq 5, hash " + hash + ")");
    }

    @Test
    void aDetailChangedOnOneLineIsNamedAsThatLineEdited() throws Exception {
        LogFiles.editLine(first, 3, line -> line.replace("\"recording\":3", "\"recording\":2"));

        assertThat(firstBreak())
                .isEqualTo(new Break(
                        "segment-000001.jsonl", 3, 3, Reason.EDITED, "edited: its hash does not match its content"));
    }

    @Test
    void aLineDeletedFromTheMiddleIsNamedAtTheLineThatFollowedIt() throws Exception {
        LogFiles.deleteLine(first, 3);

        Break broken = firstBreak();
        assertThat(broken.line()).isEqualTo(3);
        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.reason()).isEqualTo(Reason.OUT_OF_SEQUENCE);
        assertThat(broken.describe())
                .isEqualTo("segment-000001.jsonl line 3 (seq 4): seq 4 where 3 was expected:"
                        + " entries before it were deleted, or lines moved");
    }

    @Test
    void twoSwappedLinesAreNamedAtTheFirstOfThem() throws Exception {
        LogFiles.swapLines(first, 2, 3);

        Break broken = firstBreak();
        assertThat(broken.line()).isEqualTo(2);
        assertThat(broken.seq()).isEqualTo(3);
        assertThat(broken.reason()).isEqualTo(Reason.OUT_OF_SEQUENCE);
    }

    @Test
    void aLineEditedAndRehashedBreaksTheLinkOfTheLineAfterIt() throws Exception {
        AuditEntry third = LogFiles.decode(LogFiles.lines(first).get(2));
        AuditLines.Line forged =
                AuditLines.encode(3, third.time(), third.action(), third.actor(), Map.of("recording", 0), third.prev());
        LogFiles.editLine(first, 3, line -> new String(forged.bytes(), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(firstBreak())
                .extracting(Break::line, Break::seq, Break::reason)
                .containsExactly(4L, 4L, Reason.BROKEN_LINK);
    }

    @Test
    void aTailCutOffAfterAHeadWasStoredIsFoundTruncated() throws Exception {
        new AuditArchive(log, store, Period.ofYears(10), clock).sealAndUpload();
        LogFiles.keepFirstLines(first, 3);

        Break broken = firstBreak();
        assertThat(broken.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(broken.describe())
                .isEqualTo("segment-000001.jsonl line 4 (seq 4): truncated: the chain ends at seq 3,"
                        + " but the store's head audit/heads/000000000005.json is seq 5");
    }

    @Test
    void withoutTheStoreATruncatedTailCannotBeSeenWhichIsWhyHeadsAreStored() throws Exception {
        LogFiles.keepFirstLines(first, 3);

        assertThat(AuditVerifier.verify(logDir).intact()).isTrue();
    }

    @Test
    void aSealedSegmentRewrittenAsAValidChainIsFoundByItsCopyInTheStore() throws Exception {
        log.seal();
        log.append(AuditActions.PURGE, "purge", Map.of("recording", 1));
        new AuditArchive(log, store, Period.ofYears(10), clock).sealAndUpload();
        LogFiles.forgeFrom(first, AuditLines.GENESIS, 4, "x");

        Break broken = firstBreak();
        assertThat(broken)
                .extracting(Break::line, Break::seq, Break::reason)
                .containsExactly(4L, 4L, Reason.DIFFERS_FROM_STORE);
        assertThat(broken.detail()).contains("audit/segments/000001.jsonl");
    }

    @Test
    void theActiveSegmentRewrittenAsAValidChainIsFoundByTheStoredHead() throws Exception {
        new AuditArchive(log, store, Period.ofYears(10), clock).sealAndUpload();
        LogFiles.forgeFrom(first, AuditLines.GENESIS, 2, "x");

        assertThat(firstBreak())
                .extracting(Break::line, Break::seq, Break::reason)
                .containsExactly(5L, 5L, Reason.HEAD_MISMATCH);
    }

    @Test
    void aSealedSegmentDeletedLocallyIsNamedMissing() throws Exception {
        log.seal();
        log.append(AuditActions.PURGE, "purge", Map.of());
        new AuditArchive(log, store, Period.ofYears(10), clock).sealAndUpload();
        Files.delete(first);

        assertThat(firstBreak())
                .extracting(Break::segment, Break::seq, Break::reason)
                .containsExactly("segment-000001.jsonl", 1L, Reason.MISSING_SEGMENT);
    }

    @Test
    void aWholeFirstSegmentDeletedBeforeItWasStoredStillBreaksTheSequence() throws Exception {
        log.seal();
        log.append(AuditActions.PURGE, "purge", Map.of());
        Files.delete(first);

        Break broken = AuditVerifier.verify(logDir).firstBreak().orElseThrow();
        assertThat(broken)
                .extracting(Break::segment, Break::line, Break::seq, Break::reason)
                .containsExactly("segment-000002.jsonl", 1L, 6L, Reason.OUT_OF_SEQUENCE);
    }

    @Test
    void aLineThatIsNotJsonIsNamedUnreadable() throws Exception {
        LogFiles.editLine(first, 2, line -> "hello");

        assertThat(firstBreak())
                .extracting(Break::line, Break::seq, Break::reason)
                .containsExactly(2L, 2L, Reason.UNREADABLE);
    }

    @Test
    void aChainOverSeveralSegmentsIsCheckedAcrossTheirBoundaries() throws Exception {
        log.seal();
        clock.advance(Duration.ofMinutes(1));
        appendFive();
        new AuditArchive(log, store, Period.ofYears(10), clock).sealAndUpload();
        assertThat(AuditVerifier.verify(logDir, store).entries()).isEqualTo(10);

        LogFiles.deleteLine(first, 5);

        assertThat(firstBreak())
                .extracting(Break::segment, Break::line, Break::seq, Break::reason)
                .containsExactly("segment-000001.jsonl", 5L, 5L, Reason.DIFFERS_FROM_STORE);
        assertThat(AuditVerifier.verify(logDir).firstBreak().orElseThrow())
                .extracting(Break::segment, Break::line, Break::seq, Break::reason)
                .containsExactly("segment-000002.jsonl", 1L, 6L, Reason.OUT_OF_SEQUENCE);
    }

    private Break firstBreak() throws Exception {
        AuditVerification verification = AuditVerifier.verify(logDir, store);
        assertThat(verification.intact()).as(verification.summary()).isFalse();
        assertThat(verification.summary())
                .isEqualTo("audit: chain broken at "
                        + verification.firstBreak().orElseThrow().describe());
        return verification.firstBreak().orElseThrow();
    }

    private void appendFive() throws Exception {
        log.append(AuditActions.CONFIG_LOAD, "callgate", Map.of("profile", "default"));
        log.append(AuditActions.DOSSIER_READ, "agent-4", Map.of("dossier", AuditActions.hashedId("D-1")));
        log.append(AuditActions.PURGE, "purge", Map.of("recording", 3, "call-trace", 12));
        log.append(AuditActions.HOLD_PLACE, "compliance-1", Map.of("hold", "H-7"));
        log.append(AuditActions.RECORDING_READ, "compliance-1", Map.of("recording", AuditActions.hashedId("c-9")));
    }
}
