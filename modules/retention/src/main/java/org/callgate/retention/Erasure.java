package org.callgate.retention;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.core.request.DataSubject;
import org.callgate.records.Dossiers;
import org.callgate.records.LegalHold;
import org.callgate.records.LegalHolds;
import org.callgate.records.OthersCalls;
import org.callgate.records.Restrictions;
import org.callgate.records.SubjectRecords;
import org.callgate.records.SubjectRecords.Found;
import org.callgate.records.SubjectRecords.Kind;
import org.callgate.records.TraceBatches;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.RetentionLockedException;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;

/**
 * Erases a data subject's records now, on their request (R12), weighed against what the law keeps:
 * the same destruction as the purge (object and metadata, index entry, trace out of its batch,
 * SMS outbox line), but for one person and before retain-until. A record is kept, and the answer
 * says why, when a law keeps it (its class is {@link LockMode#COMPLIANCE}-locked: a banking
 * dossier R3, a banking recording R8, evidence R18) or a legal hold covers it (R19; a call's survey
 * answers and SMS stay with a held call). A call made from another number about the subject's
 * dossier is someone else's record and stays, said so. What is kept is marked restricted ({@link Restrictions}),
 * so it serves only the purpose it is kept for. A governance-locked record (a sampled recording,
 * R7/R14) is erased by bypassing governance: this is the case that lock leaves open.
 *
 * <p>Erased records are gone from the store, so a rebuild of the index cannot bring them back.
 */
public final class Erasure {

    /** What a request erases. */
    public enum Scope {
        /** Everything about the subject: an erasure request. */
        EVERYTHING("erasure"),
        /** Their recordings (only the sampled ones can go): an objection to recording, on request. */
        RECORDINGS("objection"),
        /** Their survey answers: a withdrawal of survey consent (R10). */
        SURVEY_ANSWERS("withdrawal"),
        /** A dossier's earlier versions, after its correction: a rectification ({@link Rectification}). */
        RECTIFICATION("rectification"),
        /** Nothing erased, everything marked restricted: a restriction ({@link #restrict}). */
        RESTRICTION("restriction");

        private final String word;

        Scope(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        boolean covers(Kind kind) {
            return switch (this) {
                case EVERYTHING -> true;
                case RECORDINGS -> kind == Kind.RECORDING;
                case SURVEY_ANSWERS -> kind == Kind.SURVEY;
                case RECTIFICATION, RESTRICTION -> false;
            };
        }
    }

    private static final DateTimeFormatter RUN =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final RecordingStore store;
    private final RecordIndex index;
    private final RetentionProfile profile;
    private final LegalHolds holds;
    private final Restrictions restrictions;
    private final Path outbox;
    private final Clock clock;
    private final SubjectRecords subjects;

    /** @param outbox the SMS outbox, whose messages to the subject go too; null when there is none */
    public Erasure(
            RecordingStore store,
            RecordIndex index,
            RetentionProfile profile,
            LegalHolds holds,
            Restrictions restrictions,
            Path outbox,
            Clock clock) {
        this.store = store;
        this.index = index;
        this.profile = profile;
        this.holds = holds;
        this.restrictions = restrictions;
        this.outbox = outbox;
        this.clock = clock;
        this.subjects = new SubjectRecords(store, index);
    }

    /** Erases what {@code scope} names of {@code subject}'s records for request {@code request}. */
    public synchronized ErasureReport erase(String request, DataSubject subject, Scope scope)
            throws StoreException, IOException {
        Instant now = clock.instant();
        List<Found> found = subjects.find(subject);
        Set<String> othersCalls = OthersCalls.among(subjects, found, OthersCalls.ownNumbers(subjects, subject, found));
        Set<String> heldCalls = new LinkedHashSet<>();
        found.stream().filter(f -> f.kind() != Kind.DOSSIER && f.legalHold()).forEach(f -> heldCalls.add(f.id()));
        List<ErasureReport.Line> lines = new ArrayList<>();
        Map<ObjectKey, Set<String>> traces = new LinkedHashMap<>();
        Set<String> erasedCalls = new LinkedHashSet<>();
        for (Found record : found) {
            if (!scope.covers(record.kind())) {
                continue;
            }
            if (record.kind() != Kind.DOSSIER && othersCalls.contains(record.id())) {
                lines.add(line(
                        record, false, "not the requester's: a call from another number, about their dossier", false));
                continue;
            }
            Optional<String> keep = keptBecause(record, heldCalls);
            if (keep.isEmpty() && record.kind() == Kind.TRACE) {
                traces.computeIfAbsent(record.objects().getFirst(), k -> new LinkedHashSet<>())
                        .add(record.id());
                erasedCalls.add(record.id());
                lines.add(line(record, true, null, false));
                continue;
            }
            if (keep.isEmpty()) {
                keep = destroy(record);
            }
            boolean restrict = keep.isPresent() && scope == Scope.EVERYTHING;
            if (restrict) {
                restrictions.restrict(record.kind(), record.id(), request, now, retention(record));
            }
            lines.add(line(record, keep.isEmpty(), keep.orElse(null), restrict));
        }
        String run = "e" + RUN.format(now);
        for (Map.Entry<ObjectKey, Set<String>> batch : traces.entrySet()) {
            new TraceBatches(store, index, holds).remove(batch.getKey(), batch.getValue(), run);
        }
        index.commit();
        long sms = scope == Scope.EVERYTHING ? eraseSms(subject, erasedCalls, heldCalls) : 0;
        return new ErasureReport(request, now, scope, lines, sms);
    }

    /**
     * Marks every record about {@code subject} restricted, erasing nothing: a restriction request
     * (R12). Returns the records marked.
     */
    public synchronized List<Found> restrict(String request, DataSubject subject) throws StoreException, IOException {
        Instant now = clock.instant();
        List<Found> found = subjects.find(subject);
        for (Found record : found) {
            restrictions.restrict(record.kind(), record.id(), request, now, retention(record));
        }
        return found;
    }

    /** Why a record stays, or empty when nothing keeps it. */
    private Optional<String> keptBecause(Found record, Set<String> heldCalls) throws StoreException, IOException {
        if (record.legalHold()) {
            return Optional.of(heldBecause(record));
        }
        if (record.kind() == Kind.SURVEY && heldCalls.contains(record.id())) {
            return Optional.of("legal hold (R19): its call " + record.id() + " is held");
        }
        if (profile.has(record.retentionClass())) {
            RetentionProfile.Rule rule = profile.rule(record.retentionClass());
            if (rule.mode() == LockMode.COMPLIANCE) {
                return Optional.of("kept by law (" + rule.basis() + "): " + rule.retentionClass() + " for "
                        + RetentionProfile.words(rule.keep()) + ", until " + record.retainUntil());
            }
        }
        return Optional.empty();
    }

    /** "legal hold (R19): case CASE-42 (hold H…)", naming the holds that cover the record. */
    private String heldBecause(Found record) throws StoreException, IOException {
        List<LegalHold> covering = switch (record.kind()) {
            case DOSSIER -> {
                List<Dossier> versions = subjects.versions(record);
                yield versions.isEmpty() ? List.of() : holds.covering(versions.getLast());
            }
            case TRACE ->
                subjects.trace(record)
                        .map(t -> holds.covering(t.dossier(), t.caller(), null))
                        .orElse(List.of());
            case RECORDING -> {
                RecordingRef ref = subjects.recording(record);
                yield holds.covering(ref.dossier(), ref.caller(), ref.callId());
            }
            case SURVEY -> List.of();
        };
        if (covering.isEmpty()) {
            return "legal hold (R19)";
        }
        List<String> cases = covering.stream()
                .map(h -> "case " + h.caseId() + " (hold " + h.id() + ")")
                .toList();
        return "legal hold (R19): " + String.join(", ", cases);
    }

    /**
     * Destroys a dossier, recording or survey; the reason it stays when the store refuses. A
     * dossier's version claims go with its versions (ADR 0018): they say when it was edited, and
     * with the versions gone they guard nothing. Its number's claim stays, so that the number is
     * never handed out again; it says only when the dossier was opened.
     */
    private Optional<String> destroy(Found record) throws StoreException {
        try {
            for (ObjectKey key : record.objects()) {
                delete(key);
            }
        } catch (RetentionLockedException locked) {
            return Optional.of("the store refuses to delete it before " + record.retainUntil());
        }
        switch (record.kind()) {
            case DOSSIER -> {
                for (ObjectKey claim : store.list(Dossiers.versionClaims(record.id()))) {
                    delete(claim);
                }
                index.delete(RecordKind.DOSSIER, record.id());
            }
            case RECORDING -> index.delete(RecordKind.RECORDING, record.id());
            default -> {}
        }
        return Optional.empty();
    }

    private void delete(ObjectKey key) throws StoreException {
        try {
            store.delete(key, true); // governance yields to an erasure (R12); compliance never does
        } catch (ObjectNotFoundException alreadyGone) {
            // erased before, or purged meanwhile
        }
    }

    /** The subject's SMS messages: those of their erased calls and those to their numbers, but not of a held call. */
    private long eraseSms(DataSubject subject, Set<String> erasedCalls, Set<String> heldCalls) throws IOException {
        if (outbox == null) {
            return 0;
        }
        Set<String> numbers = new LinkedHashSet<>();
        subject.phones().stream().map(PhoneNumber::e164).forEach(numbers::add);
        return new OutboxPurge(outbox, java.time.Period.ZERO).erase(message -> {
            String call = message.path("callId").asText("");
            String to = message.path("to").asText("");
            return !heldCalls.contains(call) && (erasedCalls.contains(call) || numbers.contains(to));
        });
    }

    private Retention retention(Found record) {
        return new Retention(record.retentionClass(), record.retainUntil(), LockMode.NONE);
    }

    private static ErasureReport.Line line(Found record, boolean erased, String reason, boolean restricted) {
        return new ErasureReport.Line(
                record.kind().word(), record.id(), record.retentionClass(), erased, reason, restricted);
    }
}
