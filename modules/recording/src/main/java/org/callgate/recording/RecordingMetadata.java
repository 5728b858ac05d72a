package org.callgate.recording;

import java.time.Instant;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.RecordingRef;

/**
 * The JSON stored next to every recording (R4: the number, the time, the duration and the
 * service, with the audio; product rule 4: the decision, its reason and retention class), so that
 * a recording found in the store explains itself without the index.
 *
 * @param callId callgate's call id
 * @param caller the caller's number
 * @param serviceLine the service line dialled
 * @param service the service the call concerns
 * @param start ISO-8601 instant the conversation started (the agent's answer)
 * @param durationMillis the audio's duration
 * @param decision {@code recorded} and why: {@code banking-mifid} or {@code sampled}
 * @param retentionClass the recording's retention class
 * @param retainUntil ISO-8601 instant before which the store refuses to delete it
 * @param lockMode the store's lock: COMPLIANCE, GOVERNANCE or NONE
 * @param audioKey the key of the WAV in the store
 * @param bytes the WAV's size
 * @param sha256 the WAV's SHA-256, lower-case hex
 * @param incomplete the recording was cut short (crash, write error)
 * @param dossier the dossier the call belongs to, null when not known
 */
public record RecordingMetadata(
        String callId,
        String caller,
        String serviceLine,
        String service,
        String start,
        long durationMillis,
        String decision,
        String retentionClass,
        String retainUntil,
        String lockMode,
        String audioKey,
        long bytes,
        String sha256,
        boolean incomplete,
        String dossier) {

    /** What the index keeps of the recording: everything here but the digest and size. */
    public RecordingRef ref() {
        return ref(false);
    }

    /** {@link #ref()}, under legal hold or not (R19). */
    public RecordingRef ref(boolean legalHold) {
        return new RecordingRef(
                callId,
                audioKey,
                PhoneNumber.tryParse(caller).orElse(null),
                service,
                Instant.parse(start),
                durationMillis,
                incomplete,
                dossier,
                new RecordRetention(retentionClass, Instant.parse(retainUntil), legalHold));
    }
}
