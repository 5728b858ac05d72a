package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS by configuration: the server answers over HTTPS with the configured certificate, and the
 * session cookie is marked {@code Secure} there, so a browser never sends it in clear. The
 * certificate is made for the test by {@code openssl} (Debian package openssl, which {@code
 * scripts/test} installs).
 */
class TlsServerTest {

    @TempDir
    Path dir;

    @Test
    void overTlsTheLoginCookieShouldBeSecureAsWellAsHttpOnlyAndStrict() throws Exception {
        Path cert = dir.resolve("web.crt");
        Path key = dir.resolve("web.key");
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:P-256",
                        "-nodes",
                        "-keyout",
                        key.toString(),
                        "-out",
                        cert.toString(),
                        "-days",
                        "2",
                        "-subj",
                        "/CN=127.0.0.1",
                        "-addext",
                        "subjectAltName=IP:127.0.0.1")
                .redirectErrorStream(true)
                .start();
        String log = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as(log).isZero();
        AccessFakes fakes = new AccessFakes();
        WebSettings settings =
                new WebSettings(InetAddress.getLoopbackAddress(), 0, Optional.of(new WebSettings.Tls(cert, key)));
        try (WebServer server = WebServer.builder(settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .access(fakes.accounts, fakes.trail, fakes.dossiers, fakes.clock)
                .build()
                .start()) {
            assertThat(server.url()).startsWith("https://127.0.0.1:");
            HttpClient https = HttpClient.newBuilder()
                    .sslContext(trusting(cert))
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();

            HttpResponse<String> login = https.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/session"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"name\":\"agent\",\"password\":\"" + AccessFakes.PASSWORD + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().firstValue("set-cookie").orElseThrow())
                    .startsWith("callgate_session=")
                    .containsIgnoringCase("; Secure")
                    .containsIgnoringCase("; HttpOnly")
                    .contains("SameSite=Strict");
        }
    }

    /** Trusts only the test's certificate: the client checks the chain and the address as browsers do. */
    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry(
                    "callgate", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
