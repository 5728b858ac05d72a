package org.callgate.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.core.request.DataSubject;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * Finds everything callgate keeps about one data subject (R12, R20): the answer to "what do you
 * hold about me", for an export (access, portability) and an erasure. The index says which
 * records name the subject's numbers or dossiers; the store, the source of truth, gives each
 * record's content, its current legal hold and its objects.
 *
 * <p>What belongs to the subject: the dossiers given and those on file with one of their numbers;
 * every call from one of their numbers, linked to one of those dossiers or listed in one; the
 * recordings of those calls and their survey answers (which name no number, so are found through
 * the call). A call of someone else linked to the subject's dossier is found too, though its caller
 * is someone else: an export leaves such a call out, an erasure erases it with the dossier.
 */
public final class SubjectRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** What a record is: the three the index knows, and a call's survey answers (R10). */
    public enum Kind {
        DOSSIER,
        TRACE,
        RECORDING,
        SURVEY;

        /** In reports and file names: {@code dossier}, {@code trace}, {@code recording}, {@code survey}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One record about the subject.
     *
     * @param id a dossier's number, else the call id
     * @param objects the store objects that hold it: a dossier's versions, oldest first; a trace's
     *     batch (shared with other calls); a recording's audio and then its metadata; a survey's object
     * @param legalHold whether the store or the index holds it now (R19)
     * @param time a call's start, a dossier's creation
     */
    public record Found(
            Kind kind,
            String id,
            String retentionClass,
            Instant retainUntil,
            boolean legalHold,
            List<ObjectKey> objects,
            Instant time) {

        public Found {
            objects = List.copyOf(objects);
        }
    }

    private final RecordingStore store;
    private final RecordIndex index;

    public SubjectRecords(RecordingStore store, RecordIndex index) {
        this.store = store;
        this.index = index;
    }

    /** Every record about {@code subject}: dossiers, then per call its trace, recording and survey, oldest first. */
    public List<Found> find(DataSubject subject) throws StoreException, IOException {
        index.refresh();
        Map<String, IndexedRecord> dossiers = new LinkedHashMap<>();
        Map<String, IndexedRecord> calls = new LinkedHashMap<>();
        Set<String> dossierNumbers = new LinkedHashSet<>(subject.dossiers());
        for (PhoneNumber phone : subject.phones()) {
            for (IndexedRecord record : index.ofCaller(phone)) {
                collect(record, dossiers, calls);
                if (record.kind() == RecordKind.DOSSIER) {
                    dossierNumbers.add(record.id());
                }
            }
        }
        for (String number : dossierNumbers) {
            index.linkedTo(number).forEach(record -> collect(record, dossiers, calls));
            for (String call : dossier(number).map(Dossier::calls).orElse(List.of())) {
                index.ofCall(call).forEach(record -> collect(record, dossiers, calls));
            }
        }
        List<Found> found = new ArrayList<>();
        for (IndexedRecord dossier : dossiers.values()) {
            dossierRecord(dossier).ifPresent(found::add);
        }
        List<Found> ofCalls = new ArrayList<>();
        for (IndexedRecord call : calls.values()) {
            callRecord(call).ifPresent(ofCalls::add);
        }
        ofCalls.addAll(surveys(ofCalls));
        ofCalls.sort(Comparator.comparing(Found::time).thenComparing(Found::id).thenComparing(Found::kind));
        found.addAll(ofCalls);
        return List.copyOf(found);
    }

    /** Every stored version of a dossier, oldest first. */
    public List<Dossier> versions(Found dossier) throws StoreException, IOException {
        List<Dossier> versions = new ArrayList<>();
        for (ObjectKey key : dossier.objects()) {
            versions.add(RecordJson.dossier(read(key)));
        }
        return versions;
    }

    /** The trace of a call, read from its batch. */
    public Optional<CallTrace> trace(Found trace) throws StoreException, IOException {
        for (ObjectKey batch : trace.objects()) {
            if (store.head(batch).isPresent()) {
                for (CallTrace candidate : RecordJson.traces(read(batch))) {
                    if (candidate.callId().equals(trace.id())) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The record as the store holds it, in JSON: a dossier's versions as an array, oldest first; a
     * trace's line of its batch; a recording's metadata; a survey's answers.
     */
    public byte[] json(Found record) throws StoreException, IOException {
        return switch (record.kind()) {
            case DOSSIER -> {
                ArrayNode versions = JSON.createArrayNode();
                for (ObjectKey key : record.objects()) {
                    versions.add(JSON.readTree(read(key)));
                }
                yield JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(versions);
            }
            case TRACE -> {
                Optional<CallTrace> trace = trace(record);
                yield trace.isEmpty() ? new byte[0] : RecordJson.bytes(trace.get());
            }
            case RECORDING -> read(record.objects().getLast());
            case SURVEY -> read(record.objects().getFirst());
        };
    }

    /** What the metadata of a recording says of it (its caller, dossier and retention). */
    public RecordingRef recording(Found recording) throws StoreException, IOException {
        return RecordJson.recording(read(recording.objects().getLast()), recording.legalHold());
    }

    /** An object's bytes: a recording's WAV or metadata, a survey's answers; the caller closes the stream. */
    public InputStream open(ObjectKey key) throws StoreException {
        return store.get(key);
    }

    /** The bytes of a small object (JSON). */
    public byte[] read(ObjectKey key) throws StoreException, IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }

    private static void collect(
            IndexedRecord record, Map<String, IndexedRecord> dossiers, Map<String, IndexedRecord> calls) {
        if (record.kind() == RecordKind.DOSSIER) {
            dossiers.putIfAbsent(record.id(), record);
        } else {
            calls.putIfAbsent(record.kind() + ":" + record.id(), record);
        }
    }

    private Optional<Dossier> dossier(String number) throws StoreException, IOException {
        List<ObjectKey> versions = store.list(RecordKeys.DOSSIERS + number + "/");
        return versions.isEmpty() ? Optional.empty() : Optional.of(RecordJson.dossier(read(versions.getLast())));
    }

    private Optional<Found> dossierRecord(IndexedRecord record) throws StoreException, IOException {
        List<ObjectKey> versions = store.list(RecordKeys.DOSSIERS + record.id() + "/");
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        Dossier latest = RecordJson.dossier(read(versions.getLast()));
        boolean held = record.legalHold() || anyHeld(versions);
        return Optional.of(new Found(
                Kind.DOSSIER,
                record.id(),
                latest.retention().retentionClass(),
                latest.retention().retainUntil(),
                held,
                versions,
                latest.created()));
    }

    private Optional<Found> callRecord(IndexedRecord record) throws StoreException, IOException {
        if (record.storeKey() == null) {
            return Optional.empty();
        }
        ObjectKey key = ObjectKey.of(record.storeKey());
        Optional<ObjectInfo> head = store.head(key);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        boolean held = record.legalHold()
                || record.kind() == RecordKind.RECORDING && head.get().legalHold();
        if (record.kind() == RecordKind.TRACE) {
            Found trace = new Found(
                    Kind.TRACE, record.id(), record.retentionClass(), record.retainUntil(), held, List.of(key), null);
            Optional<CallTrace> read = trace(trace);
            return read.map(t -> withTime(trace, t.time()));
        }
        ObjectKey metadata = RecordKeys.recordingMetadata(key);
        Instant start = RecordJson.recording(read(metadata), held).start();
        return Optional.of(new Found(
                Kind.RECORDING,
                record.id(),
                record.retentionClass(),
                record.retainUntil(),
                held,
                List.of(key, metadata),
                start));
    }

    /** The survey answers of the calls whose traces were found: one object per call, under the call's day. */
    private List<Found> surveys(List<Found> calls) throws StoreException {
        List<Found> surveys = new ArrayList<>();
        for (Found call : calls) {
            if (call.kind() != Kind.TRACE) {
                continue;
            }
            ObjectKey key = ObjectKey.of(RecordKeys.SURVEYS + DAY.format(call.time()) + "/" + call.id() + ".json");
            Optional<ObjectInfo> head = store.head(key);
            if (head.isPresent()) {
                surveys.add(new Found(
                        Kind.SURVEY,
                        call.id(),
                        head.get().retention().retentionClass(),
                        head.get().retention().retainUntil(),
                        head.get().legalHold(),
                        List.of(key),
                        call.time()));
            }
        }
        return surveys;
    }

    private boolean anyHeld(List<ObjectKey> keys) throws StoreException {
        for (ObjectKey key : keys) {
            Optional<ObjectInfo> head = store.head(key);
            if (head.isPresent() && head.get().legalHold()) {
                return true;
            }
        }
        return false;
    }

    private static Found withTime(Found found, Instant time) {
        return new Found(
                found.kind(),
                found.id(),
                found.retentionClass(),
                found.retainUntil(),
                found.legalHold(),
                found.objects(),
                time);
    }
}
