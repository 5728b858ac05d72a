package org.callgate.sip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One agent-leg INVITE of a call, kept so that the same call can be offered to another queue
 * with the same SDP and headers (R15 fallback to the line's default queue).
 *
 * @param queueUri the queue called
 * @param sdp callgate's offer for the agent leg
 * @param headers callgate's own headers, in order
 */
record AgentAttempt(String queueUri, String sdp, Map<String, String> headers) {

    AgentAttempt {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The same call to {@code queue}, with one more header. */
    AgentAttempt to(String queue, String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new AgentAttempt(queue, sdp, more);
    }
}
