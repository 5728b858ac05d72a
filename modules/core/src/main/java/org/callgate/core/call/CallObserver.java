package org.callgate.core.call;

/**
 * Told about calls as they are routed to an agent queue, answered and ended. Recording, indexing,
 * the agents' live panel (R15) and the demo's report hang off this hook; implementations must not
 * block, since they run on signalling threads.
 */
@FunctionalInterface
public interface CallObserver {

    void callEnded(CallSummary summary);

    /** The call is being offered to an agent queue (again, for a fallback queue). */
    default void callRouted(LiveCall call) {}

    /** An agent answered the call. */
    default void callAnswered(LiveCall call) {}

    CallObserver NONE = summary -> {};
}
