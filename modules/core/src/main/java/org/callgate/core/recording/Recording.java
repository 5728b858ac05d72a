package org.callgate.core.recording;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether one call is recorded, why, and under which retention class: the decision product rule 4
 * asks to keep with every call, so that an auditor can see why a call was or was not recorded.
 *
 * <p>{@link #headerValue()} is the compact form callgate sends on the agent leg
 * ({@code X-Callgate-Recording}) and writes in the call's CDR line.
 *
 * @param recorded whether the conversation is recorded
 * @param reason why
 * @param retentionClass the retention class of the recording ({@value #BANKING_RECORDING} or
 *     {@value #RECORDING}), null when nothing is recorded; a call whose recorder failed keeps the
 *     class it was to be kept under, so an auditor sees what was lost (product rule 4)
 * @param survey whether a satisfaction survey after the call may be recorded: only with the
 *     caller's consent and without an objection (R10)
 */
public record Recording(boolean recorded, Reason reason, String retentionClass, boolean survey) {

    /** Banking-service recordings, kept 10 years (R8, MiFID II). */
    public static final String BANKING_RECORDING = "banking-recording";
    /** Sampled recordings, kept at most 6 months (R7; 1 month under the quality-control profile, R14). */
    public static final String RECORDING = "recording";

    public Recording {
        Objects.requireNonNull(reason, "reason");
        if ((recorded || reason == Reason.RECORDER_FAILED) != (retentionClass != null)) {
            throw new IllegalArgumentException(
                    "a recorded call has a retention class, an unrecorded one none (unless its recorder failed)");
        }
        if (recorded != reason.recorded) {
            throw new IllegalArgumentException(reason + " does not go with recorded=" + recorded);
        }
    }

    /**
     * {@code yes;reason=banking-mifid;class=banking-recording}, {@code no;reason=not-sampled} or
     * {@code no;reason=recorder-failed;class=banking-recording}.
     */
    public String headerValue() {
        String value = (recorded ? "yes" : "no") + ";reason=" + reason.token();
        return retentionClass != null ? value + ";class=" + retentionClass : value;
    }

    /**
     * The same call, marked as not recorded because its recorder could not start (the spool
     * refused: disk full, directory gone). The retention class stays, so the trace and the
     * completeness check show which recording is missing (R8, product rule 4).
     */
    public Recording failed() {
        if (!recorded) {
            throw new IllegalStateException("only a call that was to be recorded can fail to be: " + headerValue());
        }
        return new Recording(false, Reason.RECORDER_FAILED, retentionClass, survey);
    }

    /** Whether this is a banking call's recording, which R8 (MiFID II) requires in full. */
    public boolean banking() {
        return BANKING_RECORDING.equals(retentionClass);
    }

    /** Why a call is or is not recorded. */
    public enum Reason {
        /** A banking-service call: always recorded, whatever the sample or an objection says (R8, R12). */
        BANKING_MIFID(true),
        /** Drawn by the keyed sample (R7). */
        SAMPLED(true),
        /** Not drawn by the keyed sample (R7). */
        NOT_SAMPLED(false),
        /** The caller objected to recording (R12, R14); never for banking calls. */
        OBJECTION(false),
        /** The call was to be recorded but its recorder could not start: an alarm, not a choice (R8). */
        RECORDER_FAILED(false);

        private final boolean recorded;

        Reason(boolean recorded) {
            this.recorded = recorded;
        }

        /** The reason as written in the header and the CDR: {@code banking-mifid}. */
        public String token() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
