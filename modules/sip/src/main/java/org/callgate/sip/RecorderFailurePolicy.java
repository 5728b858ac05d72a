package org.callgate.sip;

/**
 * What happens to a banking call whose recorder cannot start (the spool refuses: disk full,
 * directory gone), from {@code recording.on-failure}. Either way the call's trace and CDR say
 * {@code recorder-failed}, an ERROR names the call and a counter goes up; the choice is between
 * an unrecorded MiFID conversation and no conversation at all (R8).
 */
public enum RecorderFailurePolicy {
    /** The call goes through unrecorded and marked: the client is served, compliance is alerted. */
    CONTINUE,
    /**
     * Caller and agent are never joined: the caller gets {@code 503 Recording Unavailable} (or,
     * already answered for the IVR, BYE with {@code Reason: SIP;cause=503}), the agent BYE.
     */
    REFUSE
}
