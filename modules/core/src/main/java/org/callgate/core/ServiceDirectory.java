package org.callgate.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service lines callgate is in scope for (R5), looked up by the number a caller dialled.
 *
 * <p>Immutable; the number of an incoming request may be written in any form {@link
 * PhoneNumber#parse} understands.
 */
public final class ServiceDirectory {

    private final Map<PhoneNumber, ServiceLine> byNumber;
    private final List<ServiceLine> lines;

    public ServiceDirectory(List<ServiceLine> lines) {
        Map<PhoneNumber, ServiceLine> map = new LinkedHashMap<>();
        for (ServiceLine line : lines) {
            ServiceLine previous = map.putIfAbsent(line.number(), line);
            if (previous != null) {
                throw new IllegalArgumentException("service lines '" + previous.id() + "' and '" + line.id()
                        + "' share the number " + line.number());
            }
        }
        this.byNumber = Map.copyOf(map);
        this.lines = List.copyOf(map.values());
    }

    /** The line for a dialled number, empty when the number is not a service line or not a number. */
    public Optional<ServiceLine> lookup(String dialled) {
        return PhoneNumber.tryParse(dialled).map(byNumber::get);
    }

    /** The lines in the order they were given (the configuration's), for listings and logs. */
    public List<ServiceLine> lines() {
        return lines;
    }
}
