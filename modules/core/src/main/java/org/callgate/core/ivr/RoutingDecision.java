package org.callgate.core.ivr;

import org.callgate.core.ServiceLine;

/**
 * Picks the agent queue for a call that went through the IVR (R15): the queue of the menu
 * option chosen, or the line's default queue when the caller asked for an agent, pressed nothing
 * or pressed wrong keys. The service is the option's (banking for option 1 of the private line)
 * or the line's own. A pure function of call facts, unit tested without SIP.
 */
public final class RoutingDecision {

    private RoutingDecision() {}

    public static Route decide(ServiceLine line, IvrOutcome outcome) {
        String service = outcome.service() == null ? line.id() : outcome.service();
        return new Route(outcome.queueUri(), service, outcome.language(), outcome.path(), outcome.reason());
    }
}
