package org.callgate.recording;

import java.util.Locale;

/**
 * What the completeness check found for one banking call (R8: every banking conversation is
 * recorded and kept 10 years under a COMPLIANCE lock). {@link #OK} and {@link #NOT_ANSWERED} are
 * complete: the call has its recording, or had no conversation to record; every other status names
 * why the recording is not there as the law wants it.
 */
public enum Completeness {
    /** Stored, COMPLIANCE-locked, class {@code banking-recording}, retain-until as the profile says. */
    OK(true, "recorded, COMPLIANCE-locked until the right date"),
    /** No agent answered: no conversation took place, so there is nothing to record. */
    NOT_ANSWERED(true, "not answered by an agent: no conversation, nothing to record"),
    /** The recorder could not start (the spool refused); the ERROR log and alarm counter show when. */
    RECORDER_FAILED(false, "the recorder failed to start"),
    /** The trace has no recording decision: written before callgate kept it, or the call ended first. */
    NO_DECISION(false, "the trace holds no recording decision"),
    /** The decision was not to record: a banking call must always be (R8). */
    NOT_RECORDED(false, "the call was not to be recorded"),
    /** The recording ended and waits in the spool: the store is unreachable, or refused it. */
    UPLOAD_PENDING(false, "upload still pending in the spool"),
    /** Neither in the store nor in the spool. */
    NOT_IN_STORE(false, "recording not in the store"),
    /** The audio is stored, its metadata JSON (R4) is not. */
    METADATA_MISSING(false, "recording metadata missing"),
    /** Stored under a class other than {@code banking-recording}. */
    WRONG_CLASS(false, "wrong retention class"),
    /** Stored without a COMPLIANCE lock: someone could delete it early. */
    NOT_COMPLIANCE(false, "not COMPLIANCE-locked"),
    /** Retain-until is not the answer time plus the profile's banking-recording keep. */
    WRONG_RETAIN_UNTIL(false, "wrong retain-until"),
    /** Stored marked incomplete: a crash or a write error cut it short. */
    INCOMPLETE(false, "recording stored incomplete (cut short)"),
    /** The store could not be read for this call; nothing is proven. */
    CHECK_FAILED(false, "could not be checked");

    private final boolean complete;
    private final String meaning;

    Completeness(boolean complete, String meaning) {
        this.complete = complete;
        this.meaning = meaning;
    }

    /** Whether the call is as the law wants it. */
    public boolean complete() {
        return complete;
    }

    /** What the status means, for a compliance officer. */
    public String meaning() {
        return meaning;
    }

    /** The status as printed: {@code recorder-failed}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
