package org.callgate.core.dossier;

import java.time.Instant;
import java.util.Objects;
import org.callgate.core.PhoneNumber;

/**
 * What the index knows of a stored recording (R4): enough to find it by caller, service, time or
 * dossier, and to know when it is due, not the audio. The metadata JSON in the store is the source.
 *
 * @param audioKey the store key of the audio
 * @param caller the caller's number, or null when withheld
 * @param dossier the dossier linked when the recording was stored, or null
 */
public record RecordingRef(
        String callId,
        String audioKey,
        PhoneNumber caller,
        String service,
        Instant start,
        long durationMillis,
        boolean incomplete,
        String dossier,
        RecordRetention retention) {

    public RecordingRef {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(audioKey, "audioKey");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(retention, "retention");
    }
}
