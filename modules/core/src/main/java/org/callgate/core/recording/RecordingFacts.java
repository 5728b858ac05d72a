package org.callgate.core.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * What R4 asks to keep with a recording, known when the agent answers: the caller's number, the
 * time, the service, plus callgate's call id and the recording decision with its reason and
 * retention class (product rule 4).
 *
 * @param callId callgate's call id, which names the recording
 * @param caller the caller's number, E.164 when it could be normalised
 * @param serviceLine the service line dialled
 * @param service the service the call concerns (the IVR option's, or the line's)
 * @param answered when the agent answered: the start of the recording
 * @param decision the recording decision; recorded
 * @param dossier the dossier the caller was identified with (R15), or null
 */
public record RecordingFacts(
        String callId,
        String caller,
        String serviceLine,
        String service,
        Instant answered,
        Recording decision,
        String dossier) {

    /** The facts of a call whose caller has no known dossier. */
    public RecordingFacts(
            String callId, String caller, String serviceLine, String service, Instant answered, Recording decision) {
        this(callId, caller, serviceLine, service, answered, decision, null);
    }

    public RecordingFacts {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(serviceLine, "serviceLine");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(answered, "answered");
        Objects.requireNonNull(decision, "decision");
        if (!decision.recorded()) {
            throw new IllegalArgumentException("facts of a recording for a call that is not recorded: " + callId);
        }
    }
}
