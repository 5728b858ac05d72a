package org.callgate.web;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the web server listens and how.
 *
 * @param address the address to bind, such as 127.0.0.1
 * @param port the TCP port; 0 picks a free one (tests), read it back with {@link WebServer#port()}
 * @param tls the certificate and key for HTTPS, or empty for plain HTTP
 */
public record WebSettings(InetAddress address, int port, Optional<Tls> tls) {

    public WebSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }

    /** Plain HTTP on the loopback address and a free port: for tests. */
    public static WebSettings loopback() {
        return new WebSettings(InetAddress.getLoopbackAddress(), 0, Optional.empty());
    }

    /**
     * A PEM certificate chain and its PKCS#8 private key.
     *
     * @param certificate the certificate chain file
     * @param key the private key file
     */
    public record Tls(Path certificate, Path key) {
        public Tls {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }
    }
}
