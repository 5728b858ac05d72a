package org.callgate.media;

import org.slf4j.MDC;

/**
 * Puts the call's id under the MDC key {@value #KEY} for the log lines of one block, then restores
 * whatever the thread had before: signalling threads calling into the relay may already carry
 * the same key, and must keep it.
 */
final class CallMdc implements AutoCloseable {

    static final String KEY = "callId";

    private final String previous;

    private CallMdc(String callId) {
        this.previous = MDC.get(KEY);
        MDC.put(KEY, callId);
    }

    static CallMdc enter(String callId) {
        return new CallMdc(callId);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
