package org.callgate.sip;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;

/**
 * Callbacks (R5): agents calling a customer back from a service line go out through one trunk,
 * and only the call-centre platform may place them, so that callgate can never be used to make
 * toll calls for someone else.
 *
 * @param trunk SIP URI of the outbound trunk; the dialled number becomes its user part
 * @param allowedSources addresses of the platform allowed to place callbacks
 */
public record Outbound(String trunk, Set<InetAddress> allowedSources) {

    /** No callbacks: every INVITE must dial a service line. */
    public static final Outbound DISABLED = new Outbound(null, Set.of());

    public Outbound {
        allowedSources = Set.copyOf(allowedSources);
    }

    public boolean enabled() {
        return trunk != null;
    }

    public boolean allows(InetAddress source) {
        return source != null && allowedSources.contains(source);
    }

    /** The trunk URI with the dialled E.164 number as its user part. */
    public String uriFor(String e164) {
        Objects.requireNonNull(trunk, "no outbound trunk configured");
        int at = trunk.indexOf('@');
        String hostPart = at >= 0 ? trunk.substring(at + 1) : trunk.substring(trunk.indexOf(':') + 1);
        String scheme = trunk.substring(0, trunk.indexOf(':'));
        return scheme + ":" + e164 + "@" + hostPart;
    }
}
