package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code web:} section: the HTTP server of the API, {@code /health} and {@code /metrics}
 * (docs/api.md).
 *
 * @param enabled whether callgate serves HTTP at all
 * @param address the IP literal to bind; the loopback address by default, so that nothing is
 *     exposed until an operator decides to
 * @param port the TCP port; 0 picks a free one (tests)
 * @param tls the certificate and key for HTTPS; HTTP when neither is given
 */
public record WebConfig(boolean enabled, String address, int port, TlsConfig tls) {

    public WebConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tls, "tls");
    }

    public static WebConfig defaults() {
        return new WebConfig(true, "127.0.0.1", 8080, TlsConfig.NONE);
    }

    @JsonCreator
    static WebConfig fromYaml(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("address") String address,
            @JsonProperty("port") Integer port,
            @JsonProperty("tls") TlsConfig tls) {
        WebConfig d = defaults();
        return new WebConfig(
                Objects.requireNonNullElse(enabled, d.enabled()),
                Objects.requireNonNullElse(address, d.address()),
                Objects.requireNonNullElse(port, d.port()),
                Objects.requireNonNullElse(tls, d.tls()));
    }

    /** The address to bind; call only on a validated configuration. */
    public InetAddress inetAddress() {
        return IpLiterals.require(address, "web.address");
    }

    /**
     * The {@code web.tls:} keys: a PEM certificate chain and its PKCS#8 private key. HTTPS when
     * both are given.
     *
     * @param certificate the certificate chain file, or {@code null}
     * @param key the private key file, or {@code null}
     */
    public record TlsConfig(Path certificate, Path key) {

        static final TlsConfig NONE = new TlsConfig(null, null);

        @JsonCreator
        static TlsConfig fromYaml(@JsonProperty("certificate") String certificate, @JsonProperty("key") String key) {
            return new TlsConfig(certificate == null ? null : Path.of(certificate), key == null ? null : Path.of(key));
        }

        /** Whether HTTPS is configured. */
        public boolean enabled() {
            return certificate != null && key != null;
        }
    }

    /** The rules: an IP literal, a port, and TLS files that are both given and readable, or neither. */
    static void check(WebConfig web, Problems problems) {
        problems.require(IpLiterals.parse(web.address()).isPresent(), "web.address", web.address(), IpLiterals.REASON);
        problems.require(
                web.port() >= 0 && web.port() <= 65_535,
                "web.port",
                web.port(),
                "out of range 0..65535 (0 picks a free port)");
        TlsConfig tls = web.tls();
        if (tls.certificate() != null && tls.key() == null) {
            problems.add(
                    Problem.of("web.tls.key", null, "required when web.tls.certificate is set (HTTPS needs both)"));
        } else if (tls.key() != null && tls.certificate() == null) {
            problems.add(
                    Problem.of("web.tls.certificate", null, "required when web.tls.key is set (HTTPS needs both)"));
        }
        readable("web.tls.certificate", tls.certificate(), problems);
        readable("web.tls.key", tls.key(), problems);
    }

    /** A configured file must exist and be readable; shared with {@code sip.tls}. */
    static void readable(String path, Path file, Problems problems) {
        if (file != null) {
            problems.require(
                    Files.isRegularFile(file) && Files.isReadable(file),
                    path,
                    file,
                    "no such readable file (a PEM file is expected)");
        }
    }

    /** The TLS files, when HTTPS is configured. */
    public Optional<TlsConfig> https() {
        return tls.enabled() ? Optional.of(tls) : Optional.empty();
    }
}
