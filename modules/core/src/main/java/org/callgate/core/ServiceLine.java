package org.callgate.core;

import java.util.Objects;
import java.util.Optional;
import org.callgate.core.ivr.IvrPlan;

/**
 * One of the customer-service numbers callgate answers (R5), and the agent queue its calls go
 * to.
 *
 * @param id short stable name used in configuration, headers and storage ({@code private})
 * @param name human-readable name ({@code Private customers})
 * @param number the public number callers dial
 * @param queueUri SIP URI of the agent queue on the call-centre platform; the IVR's default queue
 * @param ivr the line's IVR, or null when calls go straight to the queue
 */
public record ServiceLine(String id, String name, PhoneNumber number, String queueUri, IvrPlan ivr) {

    public ServiceLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(queueUri, "queueUri");
    }

    /** A line without IVR: every call goes straight to the queue. */
    public ServiceLine(String id, String name, PhoneNumber number, String queueUri) {
        this(id, name, number, queueUri, null);
    }

    public Optional<IvrPlan> ivrPlan() {
        return Optional.ofNullable(ivr);
    }
}
