package org.callgate.core.call;

/**
 * Told about calls as they end. Recording, indexing and the demo's report hang off this hook;
 * implementations must not block, since they run on signalling threads.
 */
@FunctionalInterface
public interface CallObserver {

    void callEnded(CallSummary summary);

    CallObserver NONE = summary -> {};
}
