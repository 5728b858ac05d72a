package org.callgate.core;

import java.util.Objects;

/**
 * One of the customer-service numbers callgate answers (R5), and the agent queue its calls go
 * to.
 *
 * @param id short stable name used in configuration, headers and storage ({@code private})
 * @param name human-readable name ({@code Private customers})
 * @param number the public number callers dial
 * @param queueUri SIP URI of the agent queue on the call-centre platform
 */
public record ServiceLine(String id, String name, PhoneNumber number, String queueUri) {

    public ServiceLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(queueUri, "queueUri");
    }
}
