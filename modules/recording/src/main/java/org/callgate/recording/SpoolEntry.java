package org.callgate.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.callgate.core.recording.RecordingFacts;

/**
 * The spool's record of one recording, kept as JSON beside its WAV file: the call's facts from
 * the moment the agent answered, and, once the conversation is over, when it ended. An entry
 * without {@code ended} after a restart is one the crash interrupted.
 *
 * @param callId callgate's call id, which names both spool files
 * @param caller the caller's number (R4)
 * @param serviceLine the line dialled
 * @param service the service the call concerns (R4)
 * @param answered ISO-8601 instant the recording started (the agent's answer)
 * @param reason the recording decision's reason ({@code banking-mifid}, {@code sampled})
 * @param retentionClass the retention class of the recording
 * @param ended ISO-8601 instant the recording ended, null while it runs
 * @param frames stereo frames of audio (8,000 per second), once ended
 * @param incomplete the recording was cut short by a crash or a write error
 * @param dossier the dossier the caller was identified with, or null (absent in entries of
 *     versions before it)
 */
public record SpoolEntry(
        String callId,
        String caller,
        String serviceLine,
        String service,
        String answered,
        String reason,
        String retentionClass,
        String ended,
        long frames,
        boolean incomplete,
        String dossier) {

    public SpoolEntry {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(answered, "answered");
        Objects.requireNonNull(retentionClass, "retentionClass");
    }

    static SpoolEntry started(RecordingFacts facts) {
        return new SpoolEntry(
                facts.callId(),
                facts.caller(),
                facts.serviceLine(),
                facts.service(),
                facts.answered().toString(),
                facts.decision().reason().token(),
                facts.decision().retentionClass(),
                null,
                0,
                false,
                facts.dossier());
    }

    SpoolEntry ended(Instant end, long frameCount, boolean cut) {
        return new SpoolEntry(
                callId,
                caller,
                serviceLine,
                service,
                answered,
                reason,
                retentionClass,
                end.toString(),
                frameCount,
                cut,
                dossier);
    }

    boolean isEnded() {
        return ended != null;
    }

    Instant answeredAt() {
        return Instant.parse(answered);
    }

    /** The audio's duration: its frames at 8 kHz. */
    Duration duration() {
        return Duration.ofMillis(frames / 8);
    }
}
