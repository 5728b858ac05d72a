package org.callgate.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.store.Digests;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectExistsException;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectPut;
import org.callgate.store.PutOutcome;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;

/**
 * The two objects the uploader stores for a recording (its audio, then its metadata), and how it
 * checks what the store did with each. The store digests the very bytes it stores (the S3 store in
 * the pass that computes the {@code Content-MD5} the server checks the body against; the file store
 * while copying or linking), so its size and SHA-256 are what is in the store. When the key is
 * already taken (a crash after an earlier put), the object there counts as stored only if its size
 * and SHA-256 equal the spool's; otherwise nothing is overwritten and the recording fails.
 */
final class RecordingPuts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingSpool spool;
    private final RecordingStore store;
    private final RetentionProfile profile;
    private final LegalHoldCheck holds;

    RecordingPuts(RecordingSpool spool, RecordingStore store, RetentionProfile profile, LegalHoldCheck holds) {
        this.spool = spool;
        this.store = store;
        this.profile = profile;
        this.holds = holds;
    }

    /** A recording's audio on its way to the store, with what its metadata will need. */
    record Audio(ObjectPut put, long wavSize, Retention retention, boolean held, ObjectKey metadataKey) {}

    /** The audio as stored and verified, handed from the audio lane to the metadata lane. */
    record StoredAudio(ObjectInfo info, Retention retention, boolean held, ObjectKey metadataKey) {}

    /** A recording's metadata on its way to the store. */
    record Metadata(ObjectPut put, RecordingMetadata metadata) {}

    /**
     * The audio put of {@code entry}: stored held when a legal hold covers it already (R19).
     *
     * @param fresh recorded by this process and never handed to the store, so the store may skip
     *     its existence check ({@link RecordingStore#putNew})
     */
    Audio audio(SpoolEntry entry, boolean fresh) throws IOException {
        Path wav = spool.wavOf(entry.callId());
        long wavSize = Files.size(wav);
        Instant answered = entry.answeredAt();
        Retention retention =
                profile.retentionOfCall(entry.retentionClass(), answered, answered.plus(entry.duration()));
        RecordingKeys keys = RecordingKeys.of(entry.callId(), answered);
        ObjectKey audioKey = keys.audio();
        boolean held = holds.covers(new RecordingRef(
                entry.callId(),
                audioKey.value(),
                PhoneNumber.tryParse(entry.caller()).orElse(null),
                entry.service(),
                answered,
                entry.duration().toMillis(),
                entry.incomplete(),
                entry.dossier(),
                new RecordRetention(retention.retentionClass(), retention.retainUntil(), false)));
        ObjectAttributes attributes = new ObjectAttributes("audio/wav", retention, held, tags(entry));
        // sealed: forced to disk when the recording ended (SpoolAudio), never written again
        return new Audio(ObjectPut.sealed(audioKey, wav, attributes, fresh), wavSize, retention, held, keys.metadata());
    }

    /** The stored audio, once its outcome is checked against the spool's WAV. */
    StoredAudio storedAudio(Audio audio, PutOutcome outcome) throws IOException, StoreException {
        Path wav = audio.put().sealedFile();
        ObjectInfo info = verified(outcome, audio.wavSize(), () -> Digests.sha256(wav));
        return new StoredAudio(info, audio.retention(), audio.held(), audio.metadataKey());
    }

    /** The metadata put of {@code entry}, whose audio is {@code audio}. */
    Metadata metadata(SpoolEntry entry, StoredAudio audio, boolean fresh) throws IOException {
        RecordingMetadata metadata = metadataOf(entry, audio.info(), audio.retention());
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata);
        ObjectAttributes attributes =
                new ObjectAttributes("application/json", audio.retention(), audio.held(), tags(entry));
        return new Metadata(ObjectPut.bytes(audio.metadataKey(), json, attributes, fresh), metadata);
    }

    /** The stored recording, once the metadata's outcome is checked against the JSON meant. */
    StoredRecording storedRecording(StoredAudio audio, Metadata metadata, PutOutcome outcome)
            throws IOException, StoreException {
        byte[] json = metadata.put().bytes();
        ObjectInfo info = verified(outcome, json.length, () -> Digests.sized(json));
        return new StoredRecording(audio.info(), info, metadata.metadata());
    }

    private static Map<String, String> tags(SpoolEntry entry) {
        return Map.of("service", entry.service(), "kind", "recording");
    }

    /** The object as stored: the one put, or one already there with the very same bytes. */
    private ObjectInfo verified(PutOutcome outcome, long size, LocalDigest local) throws IOException, StoreException {
        ObjectKey key = outcome.put().key();
        ObjectInfo info;
        if (outcome.failure() instanceof ObjectExistsException) {
            info = store.head(key).orElseThrow(() -> new StoreException(key + " exists and then does not"));
            Digests.Sized spooled = local.compute();
            if (!info.sha256().equals(spooled.sha256())) {
                throw new StoreException(key + " in the store has " + info.size() + " bytes, SHA-256 " + info.sha256()
                        + "; the spool has " + spooled.size() + " bytes, SHA-256 " + spooled.sha256());
            }
        } else {
            info = outcome.get();
        }
        if (info.size() != size) {
            throw new StoreException(key + " in the store has " + info.size() + " bytes; the spool has " + size);
        }
        return info;
    }

    private static RecordingMetadata metadataOf(SpoolEntry entry, ObjectInfo audio, Retention retention) {
        return new RecordingMetadata(
                entry.callId(),
                entry.caller(),
                entry.serviceLine(),
                entry.service(),
                entry.answered(),
                entry.duration().toMillis(),
                "recorded;reason=" + entry.reason(),
                entry.retentionClass(),
                retention.retainUntil().toString(),
                retention.mode().name(),
                audio.key().value(),
                audio.size(),
                audio.sha256(),
                entry.incomplete(),
                entry.dossier());
    }

    @FunctionalInterface
    private interface LocalDigest {
        Digests.Sized compute() throws IOException;
    }
}
