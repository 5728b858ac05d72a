package org.callgate.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.TraceRecording;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.Retention;
import org.callgate.store.TestProfiles;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every banking call's recording is proven stored and locked as R8 wants, or the reason is named. */
class CompletenessCheckTest {

    private static final Instant STARTED = Instant.parse("2026-11-25T10:15:00Z");
    private static final Instant ANSWERED = STARTED.plusSeconds(30).plusMillis(250);
    private static final Instant TEN_YEARS = Instant.parse("2036-11-25T10:15:30.250Z");
    private static final TraceRecording BANKING = new TraceRecording(true, "banking-mifid", "banking-recording");

    @TempDir
    Path dir;

    private FileRecordingStore store;
    private CompletenessCheck check;

    @BeforeEach
    void open() throws Exception {
        store = new FileRecordingStore(dir.resolve("store"), Clock.fixed(ANSWERED.plusSeconds(600), ZoneOffset.UTC));
        Files.createDirectories(dir.resolve("spool"));
        check = new CompletenessCheck(store, TestProfiles.DEFAULT, dir.resolve("spool"), Set.of("banking"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRecordingStoredCompliantUntilTheAnswerPlusTenYearsIsOk() throws Exception {
        stored("c1", "banking-recording", LockMode.COMPLIANCE, TEN_YEARS, false);

        CompletenessCheck.Report report = check.check(List.of(trace("c1", BANKING)));

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Completeness.OK);
            assertThat(f.time()).isEqualTo(STARTED);
        });
        assertThat(report.complete()).isTrue();
    }

    @Test
    void aBankingCallWhoseRecorderFailedIsListedAsRecorderFailedAndTheReportIsIncomplete() {
        TraceRecording failed = new TraceRecording(false, "recorder-failed", "banking-recording");

        CompletenessCheck.Report report = check.check(List.of(trace("c1", failed)));

        assertThat(report.findings().getFirst().status()).isEqualTo(Completeness.RECORDER_FAILED);
        assertThat(report.complete()).isFalse();
    }

    @Test
    void aRefusedCallWhoseRecorderFailedIsStillRecorderFailedThoughNoAgentWasJoined() {
        TraceRecording failed = new TraceRecording(false, "recorder-failed", "banking-recording");

        CompletenessCheck.Finding finding =
                check.check(List.of(unanswered("c1", failed))).findings().getFirst();

        assertThat(finding.status()).isEqualTo(Completeness.RECORDER_FAILED);
        assertThat(finding.detail()).contains("never joined");
    }

    @Test
    void aCallNoAgentAnsweredIsCompleteWithNothingToRecord() {
        CompletenessCheck.Report report = check.check(List.of(unanswered("c1", BANKING)));

        assertThat(report.findings().getFirst().status()).isEqualTo(Completeness.NOT_ANSWERED);
        assertThat(report.complete()).isTrue();
    }

    @Test
    void aRecordingStillInTheSpoolIsPendingAndOneInNeitherPlaceIsNotInTheStore() throws Exception {
        Files.writeString(dir.resolve("spool/c1.json"), "{}");

        CompletenessCheck.Report report = check.check(List.of(trace("c1", BANKING), trace("c2", BANKING)));

        assertThat(report.findings())
                .extracting(CompletenessCheck.Finding::status)
                .containsExactly(Completeness.UPLOAD_PENDING, Completeness.NOT_IN_STORE);
    }

    @Test
    void audioWithoutItsMetadataIsMetadataMissing() throws Exception {
        store.put(
                RecordingKeys.of("c1", ANSWERED).audio(),
                new byte[] {1, 2},
                attributes(LockMode.COMPLIANCE, TEN_YEARS));

        assertThat(check.check(List.of(trace("c1", BANKING)))
                        .findings()
                        .getFirst()
                        .status())
                .isEqualTo(Completeness.METADATA_MISSING);
    }

    @Test
    void aRecordingUnderAGovernanceLockIsNotCompliance() throws Exception {
        stored("c1", "banking-recording", LockMode.GOVERNANCE, TEN_YEARS, false);

        assertThat(check.check(List.of(trace("c1", BANKING)))
                        .findings()
                        .getFirst()
                        .status())
                .isEqualTo(Completeness.NOT_COMPLIANCE);
    }

    @Test
    void aRecordingKeptADayTooShortHasTheWrongRetainUntil() throws Exception {
        stored("c1", "banking-recording", LockMode.COMPLIANCE, TEN_YEARS.minusSeconds(86_400), false);

        CompletenessCheck.Finding finding =
                check.check(List.of(trace("c1", BANKING))).findings().getFirst();

        assertThat(finding.status()).isEqualTo(Completeness.WRONG_RETAIN_UNTIL);
        assertThat(finding.detail()).contains("expected " + TEN_YEARS);
    }

    @Test
    void aRecordingStoredAsASampledOneHasTheWrongClass() throws Exception {
        stored("c1", "recording", LockMode.COMPLIANCE, TEN_YEARS, false);

        assertThat(check.check(List.of(trace("c1", BANKING)))
                        .findings()
                        .getFirst()
                        .status())
                .isEqualTo(Completeness.WRONG_CLASS);
    }

    @Test
    void aRecordingCutShortIsIncomplete() throws Exception {
        stored("c1", "banking-recording", LockMode.COMPLIANCE, TEN_YEARS, true);

        assertThat(check.check(List.of(trace("c1", BANKING)))
                        .findings()
                        .getFirst()
                        .status())
                .isEqualTo(Completeness.INCOMPLETE);
    }

    @Test
    void aTraceWithoutARecordingDecisionProvesNothing() {
        CompletenessCheck.Report report = check.check(List.of(trace("c1", null)));

        assertThat(report.findings().getFirst().status()).isEqualTo(Completeness.NO_DECISION);
        assertThat(report.complete()).isFalse();
    }

    @Test
    void callsOfOtherServicesAreLeftOut() {
        CallTrace privateCall = new CallTrace(
                "p1", null, "private", "private", STARTED, List.of(), "", "", false, false, null, kept(), null, null);

        assertThat(check.check(List.of(privateCall)).findings()).isEmpty();
    }

    private void stored(String callId, String retentionClass, LockMode mode, Instant until, boolean incomplete)
            throws Exception {
        RecordingKeys keys = RecordingKeys.of(callId, ANSWERED);
        ObjectAttributes attributes =
                new ObjectAttributes("audio/wav", new Retention(retentionClass, until, mode), false, Map.of());
        store.put(keys.audio(), new byte[] {1, 2, 3, 4}, attributes);
        byte[] json =
                ("{\"callId\":\"" + callId + "\",\"incomplete\":" + incomplete + "}").getBytes(StandardCharsets.UTF_8);
        store.put(keys.metadata(), json, attributes);
    }

    private static ObjectAttributes attributes(LockMode mode, Instant until) {
        return new ObjectAttributes("audio/wav", new Retention("banking-recording", until, mode), false, Map.of());
    }

    private static CallTrace trace(String callId, TraceRecording recording) {
        return trace(callId, ANSWERED, recording);
    }

    private static CallTrace unanswered(String callId, TraceRecording recording) {
        return trace(callId, null, recording);
    }

    private static CallTrace trace(String callId, Instant answered, TraceRecording recording) {
        return new CallTrace(
                callId,
                PhoneNumber.parse("0475 12 34 56"),
                "banking",
                "banking",
                STARTED,
                List.of(),
                "",
                "",
                false,
                false,
                null,
                kept(),
                answered,
                recording);
    }

    private static RecordRetention kept() {
        return new RecordRetention("trace", STARTED.plusSeconds(31_536_000), false);
    }
}
