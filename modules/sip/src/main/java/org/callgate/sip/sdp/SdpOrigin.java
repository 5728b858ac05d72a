package org.callgate.sip.sdp;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * callgate's own {@code o=} line for one leg. A B2BUA is the SDP party on each leg, so each leg
 * keeps one session id and increments the version with every description sent on it (RFC 3264
 * §8; RFC 8866 §5.2).
 */
public final class SdpOrigin {

    private final long sessionId;
    private long version;

    public SdpOrigin(long sessionId) {
        this.sessionId = Math.abs(sessionId % 1_000_000_000_000L);
        this.version = this.sessionId;
    }

    /** The origin line for the next description sent on this leg. */
    public synchronized String next(InetAddress address) {
        return "o=callgate " + sessionId + " " + (version++) + " IN " + family(address) + " "
                + address.getHostAddress();
    }

    static String family(InetAddress address) {
        return address instanceof Inet6Address ? "IP6" : "IP4";
    }
}
