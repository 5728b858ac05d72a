package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A SIP transport callgate listens on ({@code sip.transports}).
 *
 * <p>Only UDP and TCP: the call-centre platform hands calls over on a private network and
 * RFC 3261 §18 requires both of a proxy-like element; TLS and WebSocket are not offered.
 */
public enum Transport {
    @JsonProperty("udp")
    UDP,
    @JsonProperty("tcp")
    TCP;

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
