package org.callgate.core.call;

import java.util.Objects;

/**
 * The agent queue the IVR chose failed and the call went to the line's default queue instead
 * (R15: the caller can always reach a person). Kept with the call so that an operator sees which
 * queue failed, and how.
 *
 * @param failedQueue the queue the IVR chose
 * @param status the final status it answered, 408 when it did not respond at all, 480 when it
 *     did not answer in time
 * @param queue the default queue the call was sent to
 */
public record QueueFallback(String failedQueue, int status, String queue) {

    public QueueFallback {
        Objects.requireNonNull(failedQueue, "failedQueue");
        Objects.requireNonNull(queue, "queue");
    }

    /** The CDR form: {@code sip:banking@10.0.0.5(486)>sip:private@10.0.0.5}. */
    @Override
    public String toString() {
        return failedQueue + "(" + status + ")>" + queue;
    }
}
