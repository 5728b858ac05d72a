package org.callgate.retention;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.media.AudioSink;
import org.callgate.core.recording.Recording;
import org.callgate.core.recording.RecordingFacts;
import org.callgate.index.LuceneRecordIndex;
import org.callgate.recording.RecordingSpool;
import org.callgate.recording.RecordingUploader;
import org.callgate.recording.SpoolRecorder;
import org.callgate.records.DossierDetails;
import org.callgate.records.Dossiers;
import org.callgate.records.HeldRecords;
import org.callgate.records.LegalHolds;
import org.callgate.records.RecordWriter;
import org.callgate.records.SurveyRecord;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.store.file.FileRecordingStore;

/**
 * The whole record path on real parts (a store, the file store unless a test gives another; Lucene
 * on disk, the spool and uploader, the writer with the hold register) under a clock the test
 * moves, and the purge over it.
 */
final class RetentionWorld implements AutoCloseable {

    /** Opens the world's store; the file store judges retain-until by the clock it is given. */
    @FunctionalInterface
    interface StoreOpener {
        RecordingStore open(Clock clock) throws Exception;
    }

    final MovableClock clock;
    final RetentionProfile profile;
    final RecordingStore store;
    final LuceneRecordIndex index;
    final LegalHolds holds;
    final RecordWriter writer;
    final Dossiers dossiers;
    final HeldRecords held;
    final List<PurgeReport> reports = new ArrayList<>();
    private final RecordingUploader uploader;
    private final SpoolRecorder recorder;
    final Purge purge;

    RetentionWorld(Path dir, RetentionProfile profile, Instant start) throws Exception {
        this(dir, profile, start, clock -> new FileRecordingStore(dir.resolve("store"), clock));
    }

    RetentionWorld(Path dir, RetentionProfile profile, Instant start, StoreOpener stores) throws Exception {
        this.clock = new MovableClock(start);
        this.profile = profile;
        this.store = stores.open(clock);
        this.index = LuceneRecordIndex.open(dir.resolve("index"));
        this.holds = LegalHolds.load(store, profile, clock);
        this.writer = new RecordWriter(store, index, profile, dir.resolve("journal"), holds);
        this.dossiers = new Dossiers(writer, store, profile, clock);
        this.held = new HeldRecords(store, index, holds);
        RecordingSpool spool = new RecordingSpool(dir.resolve("spool"));
        this.uploader = new RecordingUploader(spool, store, profile, writer, holds);
        this.recorder = new SpoolRecorder(spool, uploader);
        this.purge = new Purge(store, index, profile, holds, dir.resolve("purge"), clock, List.of(), reports::add);
    }

    Dossier dossier(String service, String phone) throws Exception {
        return dossiers.create(service, new DossierDetails("Peeters", "An", List.of(phone), null, null, ""));
    }

    /** A trace of a call at the clock's now, ended five minutes later. */
    CallTrace trace(String callId, String phone, String dossier) throws Exception {
        CallTrace trace = newTrace(callId, phone, dossier);
        writer.writeAll(List.of(), List.of(trace));
        return trace;
    }

    /** {@link #trace}, not yet written: to write several in one batch. */
    CallTrace newTrace(String callId, String phone, String dossier) {
        Instant at = clock.instant();
        return new CallTrace(
                callId,
                PhoneNumber.parse(phone),
                "private",
                "private",
                at,
                List.of(),
                "",
                "1",
                false,
                false,
                dossier,
                new RecordRetention(
                        "trace",
                        profile.retentionOfCall("trace", at, at.plus(Duration.ofMinutes(5)))
                                .retainUntil(),
                        false));
    }

    /** The survey answers of a call at the clock's now, as the trace writer stores them (R10). */
    ObjectKey survey(String callId) throws Exception {
        Instant at = clock.instant();
        return writer.write(new SurveyRecord(
                callId,
                "private",
                at,
                "nl",
                List.of(),
                true,
                false,
                new RecordRetention(
                        "survey",
                        profile.retentionOfCall("survey", at, at.plusSeconds(60))
                                .retainUntil(),
                        false)));
    }

    /** Records a call answered at the clock's now through the spool and waits until it is stored. */
    ObjectKey recording(String callId, String phone, String service, String dossier) throws Exception {
        boolean banking = service.equals("banking");
        Recording decision = new Recording(
                true,
                banking ? Recording.Reason.BANKING_MIFID : Recording.Reason.SAMPLED,
                banking ? Recording.BANKING_RECORDING : Recording.RECORDING,
                false);
        Instant answered = clock.instant();
        AudioSink sink =
                recorder.begin(new RecordingFacts(callId, phone, "private", service, answered, decision, dossier));
        sink.write(new byte[8000 * 4]);
        sink.end(answered.plusSeconds(1), 8000, 0).join();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> uploader.pending() == 0
                        && index.ofCall(callId).stream().anyMatch(r -> r.kind() == RecordKind.RECORDING));
        return index.ofCall(callId).stream()
                .filter(r -> r.kind() == RecordKind.RECORDING)
                .map(r -> ObjectKey.of(r.storeKey()))
                .findFirst()
                .orElseThrow();
    }

    boolean inIndex(RecordKind kind, String id) {
        index.refresh();
        return index.ofCall(id).stream().anyMatch(r -> r.kind() == kind && r.id().equals(id))
                || kind == RecordKind.DOSSIER && index.linkedTo(id).stream().anyMatch(r -> r.kind() == kind);
    }

    boolean inStore(ObjectKey key) throws Exception {
        return store.head(key).isPresent();
    }

    PurgeReport purgeAt(Instant when) throws Exception {
        clock.set(when);
        return purge.run(false);
    }

    @Override
    public void close() throws IOException {
        recorder.close();
        uploader.close();
        writer.close();
        index.close();
        store.close();
    }
}
