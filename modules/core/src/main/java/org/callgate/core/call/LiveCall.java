package org.callgate.core.call;

import java.time.Instant;
import java.util.Objects;

/**
 * A call as the agents' live panel shows it (R15): routed to a queue, answered, ended. The SIP
 * layer tells {@link CallObserver} the routing and the answer; the end comes from {@link
 * CallSummary}. The panel pops the caller's dossier when the call is routed to the agent's queue.
 *
 * @param callId callgate's call id, as sent to the agent side
 * @param service the service the call concerns (R4), as the route decided it
 * @param queue the agent queue's URI, or null when not known (an end before routing)
 * @param caller the caller's number, E.164 when it could be normalised
 * @param state where the call is
 * @param time when it got there
 * @param dossier the identified caller's dossier number (R15), or null
 * @param displayName how agents see the dossier's name ({@code Dubois, Marie}), or null
 */
public record LiveCall(
        String callId,
        String service,
        String queue,
        String caller,
        State state,
        Instant time,
        String dossier,
        String displayName) {

    /** Where a live call is. */
    public enum State {
        /** Being offered to an agent queue. */
        ROUTING,
        /** An agent answered. */
        ANSWERED,
        /** Over, whether answered or not. */
        ENDED
    }

    public LiveCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(time, "time");
    }

    /** The same call with the dossier's display name filled in. */
    public LiveCall withDossier(String number, String name) {
        return new LiveCall(callId, service, queue, caller, state, time, number, name);
    }
}
