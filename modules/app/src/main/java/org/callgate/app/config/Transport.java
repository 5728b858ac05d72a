package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A SIP transport callgate listens on ({@code sip.transports}).
 *
 * <p>UDP and TCP, which RFC 3261 §18 requires of every element, and TLS (§26.2) for platforms
 * that hand calls over across networks they do not trust; TLS listens on its own port ({@code
 * sip.tls.port}). WebSocket is not offered.
 */
public enum Transport {
    @JsonProperty("udp")
    UDP,
    @JsonProperty("tcp")
    TCP,
    @JsonProperty("tls")
    TLS;

    /** The allowed values as written in YAML, for error messages and documentation. */
    static String allowed() {
        return Arrays.stream(values()).map(Transport::toString).collect(Collectors.joining(", "));
    }

    /** The name as written in YAML ({@code udp}). */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
