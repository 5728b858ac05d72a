package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code web:} section: where the HTTP server listens; a bad value is one line at start-up. */
class WebConfigTest {

    @TempDir
    Path dir;

    @BeforeEach
    void defaultPrompts() {
        TestPrompts.defaultsIn(dir);
    }

    @Test
    void theServerListensOnLoopbackPort8080WithoutTlsByDefault() {
        WebConfig web = CallgateConfig.defaults().web();
        assertThat(web.enabled()).isTrue();
        assertThat(web.inetAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(web.port()).isEqualTo(8080);
        assertThat(web.https()).isEmpty();
    }

    @Test
    void bothTlsFilesTurnHttpsOn() throws Exception {
        Path cert = Files.writeString(dir.resolve("web.crt"), "pem");
        Path key = Files.writeString(dir.resolve("web.key"), "pem");
        Path file = Files.writeString(
                dir.resolve("callgate.yaml"),
                "web:\n  address: 0.0.0.0\n  port: 0\n  tls:\n    certificate: " + cert + "\n    key: " + key + "\n");
        WebConfig web = ConfigLoader.load(file, dir).web();
        assertThat(web.port()).isZero();
        assertThat(web.https()).hasValueSatisfying(tls -> assertThat(tls.key()).isEqualTo(key));
    }

    @Test
    void aServerCanBeTurnedOff() throws Exception {
        Path file = Files.writeString(dir.resolve("callgate.yaml"), "web:\n  enabled: false\n");
        assertThat(ConfigLoader.load(file, dir).web().enabled()).isFalse();
    }

    @Test
    void aHostNameIsRefused() {
        assertThat(BadConfig.refused(dir, "web:\n  address: localhost\n").getMessage())
                .startsWith(dir.resolve("callgate.yaml") + ":2:12: web.address: 'localhost' — ");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThat(BadConfig.refused(dir, "web:\n  port: 70000\n").getMessage())
                .isEqualTo(dir.resolve("callgate.yaml")
                        + ":2:9: web.port: 70000 — out of range 0..65535 (0 picks a free port)");
    }

    @Test
    void aCertificateWithoutKeyIsRefused() throws Exception {
        Path cert = Files.writeString(dir.resolve("web.crt"), "pem");
        assertThat(BadConfig.refused(dir, "web:\n  tls:\n    certificate: " + cert + "\n")
                        .getMessage())
                .contains("web.tls.key")
                .contains("required when web.tls.certificate is set");
    }

    @Test
    void aMissingKeyFileIsRefused() throws Exception {
        Path cert = Files.writeString(dir.resolve("web.crt"), "pem");
        Path key = dir.resolve("absent.key");
        assertThat(BadConfig.refused(dir, "web:\n  tls:\n    certificate: " + cert + "\n    key: " + key + "\n")
                        .getMessage())
                .isEqualTo(dir.resolve("callgate.yaml") + ":4:10: web.tls.key: '" + key
                        + "' — no such readable file (a PEM file is expected)");
    }
}
