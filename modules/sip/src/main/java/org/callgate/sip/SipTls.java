package org.callgate.sip;

import java.nio.file.Path;
import java.util.Objects;

/**
 * SIP over TLS (RFC 3261 §26.2; {@code sips:} URIs, RFC 5630): the port of the TLS listening
 * point, callgate's certificate chain and private key (PEM), and the certificates it trusts when
 * it calls a {@code sips:} agent queue (PEM; null for the JDK's own trust store).
 */
public record SipTls(int port, Path certificate, Path key, Path trust) {

    /** TLS is not configured. */
    public static final SipTls NONE = new SipTls(0, null, null, null);

    public SipTls {
        if (port != 0) {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }
    }

    public boolean enabled() {
        return port != 0;
    }
}
