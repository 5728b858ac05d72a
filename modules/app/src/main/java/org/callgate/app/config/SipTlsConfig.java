package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * The {@code sip.tls:} keys, used when {@code sip.transports} lists {@code tls}: the TLS
 * listening point's port (0: {@code sip.port} + 1, 5061 by default), callgate's PEM certificate
 * chain and PKCS#8 key, and optionally the PEM certificates it trusts when it calls a {@code
 * sips:} agent queue (without them, the JDK's trust store).
 */
public record SipTlsConfig(int port, Path certificate, Path key, Path trust) {

    static final SipTlsConfig NONE = new SipTlsConfig(0, null, null, null);

    @JsonCreator
    static SipTlsConfig fromYaml(
            @JsonProperty("port") Integer port,
            @JsonProperty("certificate") String certificate,
            @JsonProperty("key") String key,
            @JsonProperty("trust") String trust) {
        return new SipTlsConfig(port == null ? 0 : port, path(certificate), path(key), path(trust));
    }

    /** The port TLS listens on: the configured one, else the SIP port + 1. */
    public int effectivePort(int sipPort) {
        return port != 0 ? port : sipPort + 1;
    }

    /** The rules when TLS is listed: both files given and readable, a port of its own. */
    static void check(SipConfig sip, Problems problems) {
        SipTlsConfig tls = sip.tls();
        if (!sip.transports().contains(Transport.TLS)) {
            return;
        }
        if (tls.certificate() == null) {
            problems.add(Problem.of("sip.tls.certificate", null, "required when sip.transports lists tls"));
        }
        if (tls.key() == null) {
            problems.add(Problem.of("sip.tls.key", null, "required when sip.transports lists tls"));
        }
        WebConfig.readable("sip.tls.certificate", tls.certificate(), problems);
        WebConfig.readable("sip.tls.key", tls.key(), problems);
        WebConfig.readable("sip.tls.trust", tls.trust(), problems);
        int port = tls.effectivePort(sip.port());
        problems.require(port >= 1 && port <= 65_535, "sip.tls.port", port, "out of range 1..65535");
        problems.require(
                port != sip.port(),
                "sip.tls.port",
                port,
                "must differ from sip.port: TLS and TCP both need the port to themselves");
    }

    private static Path path(String text) {
        return text == null ? null : Path.of(text);
    }
}
