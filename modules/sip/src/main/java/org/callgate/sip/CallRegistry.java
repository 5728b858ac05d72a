package org.callgate.sip;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live calls, found by the Call-ID of either leg. A B2BUA makes its own Call-ID for the agent
 * leg, so every in-dialog request maps to exactly one call and one side.
 */
final class CallRegistry {

    private final ConcurrentMap<String, B2buaCall> byCallId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, B2buaCall> calls = new ConcurrentHashMap<>();
    private final LongAdder admitted = new LongAdder();

    void add(B2buaCall call) {
        admitted.increment();
        calls.put(call.id, call);
        byCallId.put(call.callerLeg.callId, call);
        byCallId.put(call.agentLeg.callId, call);
    }

    Optional<B2buaCall> byCallId(String callId) {
        return Optional.ofNullable(byCallId.get(callId));
    }

    Optional<B2buaCall> byId(String id) {
        return Optional.ofNullable(calls.get(id));
    }

    void remove(B2buaCall call) {
        calls.remove(call.id);
        byCallId.remove(call.callerLeg.callId, call);
        byCallId.remove(call.agentLeg.callId, call);
    }

    int size() {
        return calls.size();
    }

    /** Calls admitted since start-up: a counter whose rate is the call set-up rate. */
    long admitted() {
        return admitted.sum();
    }

    List<B2buaCall> all() {
        return List.copyOf(calls.values());
    }
}
