package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.callgate.core.PhoneNumber;
import org.callgate.core.ServiceLine;

/**
 * One entry of {@code service-lines:}, as written in the file.
 *
 * <p>Every key is required, so a component is {@code null} when the file leaves it out; the
 * loader rejects that with the key's name before anyone calls {@link #toServiceLine()}. The number
 * stays text here so that an error can quote what the operator wrote.
 *
 * @param id short stable name ({@code [a-z][a-z0-9-]*}), unique
 * @param name human-readable name
 * @param number the public number, in any form {@link PhoneNumber#parse} reads, unique
 * @param queue {@code sip:} or {@code sips:} URI of the agent queue
 */
public record ServiceLineConfig(String id, String name, String number, String queue) {

    private static final String QUEUE_HOST = "127.0.0.1:5070";

    /** The four customer-service lines in scope (R5), each to a queue on the local platform. */
    public static List<ServiceLineConfig> defaults() {
        return List.of(
                line("private", "Private customers", "02 278 50 44"),
                line("business", "Business customers", "02 201 11 11"),
                line("riziv-inami", "RIZIV/INAMI orders", "02 274 09 34"),
                line("traffic-fines", "Traffic fines", "02 278 55 60"));
    }

    @JsonCreator
    static ServiceLineConfig fromYaml(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("number") String number,
            @JsonProperty("queue") String queue) {
        return new ServiceLineConfig(id, name, number, queue);
    }

    /**
     * The core view of this line.
     *
     * @throws IllegalArgumentException or {@link NullPointerException} when the entry was not
     *     validated by {@link ConfigLoader}
     */
    public ServiceLine toServiceLine() {
        return new ServiceLine(id, name, PhoneNumber.parse(number), queue);
    }

    private static ServiceLineConfig line(String id, String name, String number) {
        return new ServiceLineConfig(id, name, number, "sip:" + id + "@" + QUEUE_HOST);
    }
}
