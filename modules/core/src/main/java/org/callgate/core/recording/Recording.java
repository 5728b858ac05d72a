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
 *     {@value #RECORDING}), null when nothing is recorded
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
        if (recorded != (retentionClass != null)) {
            throw new IllegalArgumentException("a recorded call has a retention class, an unrecorded one none");
        }
        if (recorded != reason.recorded) {
            throw new IllegalArgumentException(reason + " does not go with recorded=" + recorded);
        }
    }

    /** {@code yes;reason=banking-mifid;class=banking-recording} or {@code no;reason=not-sampled}. */
    public String headerValue() {
        String value = (recorded ? "yes" : "no") + ";reason=" + reason.token();
        return recorded ? value + ";class=" + retentionClass : value;
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
        OBJECTED(false);

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
