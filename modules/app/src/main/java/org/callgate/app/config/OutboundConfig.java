package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.callgate.sip.Outbound;

/**
 * The {@code outbound:} section: callbacks agents place from a service line (R5) go out through
 * {@code trunk}, and only from the platform's addresses ({@code allowed-sources}), so callgate
 * cannot be used to place toll calls. Without a trunk, callbacks are refused with 404.
 *
 * @param trunk SIP URI of the outbound trunk ({@code sip:trunk.example:5060}), or null: no callbacks
 * @param allowedSources IP literals of the call-centre platform
 */
public record OutboundConfig(String trunk, List<String> allowedSources) {

    public OutboundConfig {
        allowedSources = List.copyOf(Objects.requireNonNull(allowedSources, "allowedSources"));
    }

    /** No trunk: callbacks are off. */
    public static OutboundConfig defaults() {
        return new OutboundConfig(null, List.of("127.0.0.1"));
    }

    @JsonCreator
    static OutboundConfig fromYaml(
            @JsonProperty("trunk") String trunk, @JsonProperty("allowed-sources") List<String> allowedSources) {
        return new OutboundConfig(trunk, allowedSources == null ? defaults().allowedSources() : allowedSources);
    }

    /** The SIP layer's view; call only on a validated configuration. */
    public Outbound toOutbound() {
        if (trunk == null) {
            return Outbound.DISABLED;
        }
        return new Outbound(
                trunk.strip(),
                allowedSources.stream()
                        .map(source -> IpLiterals.require(source, "outbound.allowed-sources"))
                        .collect(Collectors.toSet()));
    }
}
