package org.callgate.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.TraceRecording;
import org.callgate.core.recording.Recording;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectInfo;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;

/**
 * Proves, call by call, that every banking call of a period has its recording as MiFID II wants
 * it (R8, product rule 4): stored, with its metadata (R4), class {@code banking-recording},
 * COMPLIANCE-locked until the agent's answer plus the profile's keep; or names why not. It starts
 * from the calls' traces, which keep the answer time and the recording decision, so that a call
 * whose recording never started is listed as surely as one whose recording is wrong.
 *
 * <p>The store is the source of truth; the spool tells a recording still on its way from one that
 * is lost. Read-only: nothing is changed, in the store or in the spool.
 */
public final class CompletenessCheck {

    /**
     * The slack allowed on retain-until: S3 Object Lock keeps retain-until dates to the second (or
     * millisecond), while the profile's date carries the answer's sub-second part.
     */
    static final Duration RETAIN_UNTIL_PRECISION = Duration.ofSeconds(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingStore store;
    private final RetentionProfile profile;
    private final Path spool;
    private final Set<String> bankingServices;

    /**
     * @param spool the recording spool directory; it need not exist (nothing is pending then)
     * @param bankingServices the services whose calls are banking calls ({@code recording.banking-services})
     */
    public CompletenessCheck(RecordingStore store, RetentionProfile profile, Path spool, Set<String> bankingServices) {
        this.store = store;
        this.profile = profile;
        this.spool = spool;
        this.bankingServices = Set.copyOf(bankingServices);
    }

    /** One banking call and what was found. */
    public record Finding(String callId, Instant time, Completeness status, String detail) {}

    /** Every banking call among the traces checked, in the traces' order. */
    public record Report(List<Finding> findings) {

        public Report {
            findings = List.copyOf(findings);
        }

        /** Whether every banking call is complete (its recording, or no conversation to record). */
        public boolean complete() {
            return findings.stream().allMatch(f -> f.status().complete());
        }

        /** How many calls have each status found. */
        public Map<Completeness, Long> counts() {
            Map<Completeness, Long> counts = new EnumMap<>(Completeness.class);
            findings.forEach(f -> counts.merge(f.status(), 1L, Long::sum));
            return counts;
        }
    }

    /** Checks the banking calls among {@code traces}; other calls are left out. */
    public Report check(List<CallTrace> traces) {
        return new Report(traces.stream()
                .filter(trace -> bankingServices.contains(trace.service()))
                .map(this::checkOne)
                .toList());
    }

    private Finding checkOne(CallTrace trace) {
        try {
            return finding(trace, status(trace));
        } catch (StoreException | IOException | RuntimeException e) {
            return new Finding(trace.callId(), trace.time(), Completeness.CHECK_FAILED, e.toString());
        }
    }

    private Verdict status(CallTrace trace) throws StoreException, IOException {
        TraceRecording decision = trace.recording();
        if (decision == null) {
            return new Verdict(Completeness.NO_DECISION, "");
        }
        if (decision.recorderFailed()) {
            return new Verdict(
                    Completeness.RECORDER_FAILED,
                    trace.answered() == null
                            ? "call refused, caller and agent never joined"
                            : "the conversation went on unrecorded");
        }
        if (trace.answered() == null) {
            return new Verdict(Completeness.NOT_ANSWERED, "");
        }
        if (!decision.recorded()) {
            return new Verdict(Completeness.NOT_RECORDED, "reason " + decision.reason());
        }
        return stored(trace.callId(), trace.answered());
    }

    /** The recording of a call answered at {@code answered}, as the store holds it. */
    private Verdict stored(String callId, Instant answered) throws StoreException, IOException {
        RecordingKeys keys = RecordingKeys.of(callId, answered);
        Optional<ObjectInfo> audio = store.head(keys.audio());
        Optional<ObjectInfo> metadata = store.head(keys.metadata());
        if (audio.isEmpty() || metadata.isEmpty()) {
            if (RecordingSpool.holds(spool, callId)) {
                return new Verdict(Completeness.UPLOAD_PENDING, "in " + spool);
            }
            return audio.isEmpty()
                    ? new Verdict(Completeness.NOT_IN_STORE, keys.audio().value())
                    : new Verdict(Completeness.METADATA_MISSING, keys.metadata().value());
        }
        Retention expected = profile.retentionOfCall(
                Recording.BANKING_RECORDING, answered, answered.plusMillis(durationMillis(metadata.get())));
        for (ObjectInfo object : List.of(audio.get(), metadata.get())) {
            Verdict wrong = retention(object, expected);
            if (wrong != null) {
                return wrong;
            }
        }
        return incomplete(metadata.get())
                ? new Verdict(Completeness.INCOMPLETE, keys.metadata().value())
                : new Verdict(
                        Completeness.OK, "until " + audio.get().retention().retainUntil());
    }

    /** What is wrong with {@code object}'s retention, or null when it is as {@code expected}. */
    private static Verdict retention(ObjectInfo object, Retention expected) {
        Retention actual = object.retention();
        String key = object.key().value();
        if (!actual.retentionClass().equals(expected.retentionClass())) {
            return new Verdict(Completeness.WRONG_CLASS, key + " has " + actual.retentionClass());
        }
        if (actual.mode() != LockMode.COMPLIANCE) {
            return new Verdict(Completeness.NOT_COMPLIANCE, key + " is " + actual.mode());
        }
        Duration off =
                Duration.between(expected.retainUntil(), actual.retainUntil()).abs();
        if (off.compareTo(RETAIN_UNTIL_PRECISION) >= 0) {
            return new Verdict(
                    Completeness.WRONG_RETAIN_UNTIL,
                    key + " until " + actual.retainUntil() + ", expected " + expected.retainUntil());
        }
        return null;
    }

    /** The recording's duration, which a retention dated from the end of the call needs. */
    private long durationMillis(ObjectInfo metadata) throws StoreException, IOException {
        if (profile.rule(Recording.BANKING_RECORDING).from() == RetentionProfile.Start.CALL) {
            return 0; // not needed: dated from the answer
        }
        try (InputStream in = store.get(metadata.key())) {
            return JSON.readTree(in).path("durationMillis").asLong(0);
        }
    }

    private boolean incomplete(ObjectInfo metadata) throws StoreException, IOException {
        try (InputStream in = store.get(metadata.key())) {
            return JSON.readTree(in).path("incomplete").asBoolean(false);
        }
    }

    private static Finding finding(CallTrace trace, Verdict verdict) {
        return new Finding(trace.callId(), trace.time(), verdict.status(), verdict.detail());
    }

    private record Verdict(Completeness status, String detail) {}
}
