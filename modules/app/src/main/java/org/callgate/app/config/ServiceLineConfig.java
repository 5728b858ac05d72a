package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.callgate.core.PhoneNumber;
import org.callgate.core.ServiceLine;

/**
 * One entry of {@code service-lines:}, as written in the file.
 *
 * <p>The first four keys are required, so a component is {@code null} when the file leaves it
 * out; the loader rejects that with the key's name before anyone calls {@link #toServiceLine()}.
 * The number stays text here so that an error can quote what the operator wrote. A line without
 * {@code ivr} sends every call straight to its queue.
 *
 * @param id short stable name ({@code [a-z][a-z0-9-]*}), unique
 * @param name human-readable name
 * @param number the public number, in any form {@link PhoneNumber#parse} reads, unique
 * @param queue {@code sip:} or {@code sips:} URI of the agent queue; the IVR's default queue (R15)
 * @param ivr the line's IVR, or {@code null} for none
 */
public record ServiceLineConfig(String id, String name, String number, String queue, IvrConfig ivr) {

    /** A line without IVR: every call goes straight to the queue. */
    public ServiceLineConfig(String id, String name, String number, String queue) {
        this(id, name, number, queue, null);
    }

    /** The four customer-service lines in scope (R5), each with its IVR. */
    public static List<ServiceLineConfig> defaults() {
        return DefaultServiceLines.lines();
    }

    @JsonCreator
    static ServiceLineConfig fromYaml(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("number") String number,
            @JsonProperty("queue") String queue,
            @JsonProperty("ivr") IvrConfig ivr) {
        return new ServiceLineConfig(id, name, number, queue, ivr);
    }

    /**
     * The core view of this line, with its {@link org.callgate.core.ivr.IvrPlan} whose default
     * queue is the line's queue.
     *
     * @throws IllegalArgumentException or {@link NullPointerException} when the entry was not
     *     validated by {@link ConfigLoader}
     */
    public ServiceLine toServiceLine() {
        return new ServiceLine(id, name, PhoneNumber.parse(number), queue, ivr == null ? null : ivr.toPlan(queue));
    }
}
