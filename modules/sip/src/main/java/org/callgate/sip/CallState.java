package org.callgate.sip;

/**
 * Life cycle of a B2BUA call, as seen from the caller's INVITE; {@link B2buaCall} makes every
 * transition, under the call's lock.
 *
 * <p>A plain enum rather than a sealed type carrying each phase's data: what a phase starts
 * outlives it (the IVR's trace decides the recording and the survey; the survey's answers, the
 * answer time and the fallback go into the summary after the call ended), so that data lives in
 * the call's parts ({@link CallerLeg}, {@link AgentLeg}, {@link CallerDialogues}) and the phase
 * only decides how each event is handled.
 */
enum CallState {
    /** Agent leg INVITE sent, no answer yet; the caller is not answered either (calls without IVR). */
    CALLING,
    /** callgate answered the caller and runs the IVR; no agent leg yet. */
    IVR,
    /** The IVR is done and the agent leg INVITE is out; the caller is already answered. */
    CONNECTING,
    /** Agent answered; 200 OK relayed to the caller. */
    CONFIRMED,
    /** The agent hung up and the caller, who consented, hears the post-call survey (R10). */
    SURVEY,
    /** Ended; only retransmissions and late responses are still handled. */
    TERMINATED
}
