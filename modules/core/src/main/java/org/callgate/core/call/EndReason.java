package org.callgate.core.call;

/** Why a call ended; part of every call summary, so an operator can tell failures from hang-ups. */
public enum EndReason {
    /** The caller hung up after the agent answered. */
    CALLER_HANGUP,
    /** The agent hung up. */
    AGENT_HANGUP,
    /** The caller gave up before the agent answered (CANCEL). */
    CALLER_CANCELLED,
    /** The agent queue refused the call with a final error response. */
    AGENT_REJECTED,
    /** The agent queue did not answer within the configured time. */
    NO_ANSWER,
    /** The agent queue did not respond at all (SIP transaction timeout). */
    AGENT_UNREACHABLE,
    /** No media flowed for the configured time; both legs were sent BYE. */
    MEDIA_TIMEOUT,
    /**
     * A leg's session timer ran out (RFC 4028 §10): its peer stopped refreshing, or did not answer
     * callgate's refresh; both legs were sent BYE.
     */
    SESSION_EXPIRED,
    /** The IVR served the caller without an agent (the SMS link, R9) and ended the call. */
    SELF_SERVICE,
    /** callgate was shutting down. */
    SHUTDOWN,
    /** callgate could not complete the call (bad answer from the agent side, internal error). */
    FAILED,
    /**
     * A banking call's recorder could not start and {@code recording.on-failure} is {@code refuse}:
     * caller and agent were never joined, so no unrecorded MiFID conversation took place (R8).
     */
    RECORDER_FAILED
}
