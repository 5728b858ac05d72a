package org.callgate.core.dossier;

import java.util.Objects;
import org.callgate.core.recording.Recording;

/**
 * The recording decision as a call's trace keeps it (product rule 4: stored with its reason, so an
 * auditor can see why a call was or was not recorded), and what the completeness check of banking
 * recordings starts from (R8).
 *
 * @param recorded whether the conversation was recorded
 * @param reason the decision's token: {@code banking-mifid}, {@code sampled}, {@code not-sampled},
 *     {@code objection}, or {@code recorder-failed} when the recorder could not start
 * @param retentionClass the recording's retention class ({@code banking-recording},
 *     {@code recording}), also kept for a recorder that failed; null when nothing was to be recorded
 */
public record TraceRecording(boolean recorded, String reason, String retentionClass) {

    public TraceRecording {
        Objects.requireNonNull(reason, "reason");
    }

    /** The trace's form of a call's decision; null for a call that never got one. */
    public static TraceRecording of(Recording decision) {
        if (decision == null) {
            return null;
        }
        return new TraceRecording(decision.recorded(), decision.reason().token(), decision.retentionClass());
    }

    /** Whether the recorder of a call that was to be recorded could not start. */
    public boolean recorderFailed() {
        return Recording.Reason.RECORDER_FAILED.token().equals(reason);
    }
}
