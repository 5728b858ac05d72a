package org.callgate.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callgate.app.demo.ListeningPorts;

/**
 * Kamailio (Debian packages {@code kamailio kamailio-tls-modules}) as the SIP proxy of a
 * platform that talks to callgate over TLS, on both legs: SIPp callers and the SIPp agent queue
 * speak UDP to it, it speaks TLS to callgate, record-routing so that each whole dialog stays on
 * TLS. SIPp is built without TLS in Debian; a real proxy between them is also how TLS reaches
 * callgate in production. A certificate for 127.0.0.1 is made with {@code openssl} per run and
 * used by both.
 */
final class KamailioTls implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    final int udpPort;
    final int tlsPort;
    final Path certificate;
    final Path key;
    private final Path log;
    private Process process;

    private KamailioTls(Path dir) throws Exception {
        this.udpPort = FreePorts.udpAndTcp();
        this.tlsPort = FreePorts.udpAndTcp();
        this.certificate = dir.resolve("sip-tls.crt");
        this.key = dir.resolve("sip-tls.key");
        this.log = dir.resolve("kamailio.log");
        makeCertificate(dir);
    }

    /** Makes the certificate; {@link #start} once callgate's ports are known. */
    static KamailioTls prepare(Path dir) throws Exception {
        return new KamailioTls(dir);
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/kamailio"))
                && Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so"));
    }

    /**
     * Starts Kamailio, sending new calls from callers (UDP) to callgate's TLS port, new calls from
     * callgate (TLS, to a {@code sips:} queue on {@link #tlsPort}) to the agent queue's UDP port,
     * and in-dialog requests along their route; it returns once both of its ports listen.
     */
    void start(Path dir, int callgateTlsPort, int agentUdpPort) throws Exception {
        Path tlsConfig = dir.resolve("kamailio-tls.cfg");
        Files.writeString(tlsConfig, """
                [server:default]
                method = TLSv1.2+
                certificate = %1$s
                private_key = %2$s
                verify_certificate = no
                require_certificate = no

                [client:default]
                method = TLSv1.2+
                verify_certificate = yes
                ca_list = %1$s
                """.formatted(certificate, key));
        Path config = dir.resolve("kamailio.cfg");
        Files.writeString(
                config,
                CONFIG.replace("UDP_PORT", Integer.toString(udpPort))
                        .replace("TLS_PORT", Integer.toString(tlsPort))
                        .replace("TLS_CONFIG", tlsConfig.toString())
                        .replace("CALLGATE_TLS", Integer.toString(callgateTlsPort))
                        .replace("AGENT_UDP", Integer.toString(agentUdpPort)));
        Path run = Files.createDirectories(dir.resolve("kamailio-run"));
        process = new ProcessBuilder(List.of(
                        "/usr/sbin/kamailio", "-f", config.toString(), "-DD", "-E", "-Y", run.toString(), "-m", "64"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!(ListeningPorts.bound(udpPort, false) && ListeningPorts.bound(tlsPort, true))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("kamailio did not start: " + output());
            }
            Thread.sleep(20);
        }
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1) : "(no log)";
    }

    private void makeCertificate(Path dir) throws Exception {
        Process openssl = new ProcessBuilder(List.of(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "2",
                        "-subj",
                        "/CN=127.0.0.1",
                        "-addext",
                        "subjectAltName=IP:127.0.0.1",
                        "-keyout",
                        key.toString(),
                        "-out",
                        certificate.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile())
                .start();
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
        }
    }

    /** Stops the Kamailio this object started, by its PID; it takes its children down. */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static final String CONFIG = """
            #!KAMAILIO
            debug=2
            log_stderror=yes
            fork=yes
            children=2
            tcp_children=2
            listen=udp:127.0.0.1:UDP_PORT
            listen=tls:127.0.0.1:TLS_PORT
            enable_tls=yes
            auto_aliases=no
            alias="127.0.0.1:UDP_PORT"
            alias="127.0.0.1:TLS_PORT"
            dns=no
            rev_dns=no

            mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
            loadmodule "tls.so"
            loadmodule "tm.so"
            loadmodule "sl.so"
            loadmodule "rr.so"
            loadmodule "pv.so"
            loadmodule "maxfwd.so"
            loadmodule "textops.so"
            loadmodule "siputils.so"

            modparam("tls", "config", "TLS_CONFIG")
            modparam("rr", "enable_full_lr", 1)

            request_route {
                if (!mf_process_maxfwd_header("10")) {
                    sl_send_reply("483", "Too Many Hops");
                    exit;
                }
                if (has_totag()) {
                    if (loose_route()) {
                        t_relay();
                        exit;
                    }
                    if (!uri == myself) {
                        # SIPp sends in-dialog requests without the Route set: by Request-URI
                        t_relay();
                        exit;
                    }
                    if (is_method("ACK")) {
                        if (t_check_trans()) {
                            t_relay();
                        }
                        exit;
                    }
                    sl_send_reply("404", "Not here");
                    exit;
                }
                if (is_method("CANCEL")) {
                    if (t_check_trans()) {
                        t_relay();
                    }
                    exit;
                }
                t_check_trans();
                record_route();
                if (proto == TLS) {
                    # callgate calling a sips: agent queue: to the agent, over UDP
                    $du = "sip:127.0.0.1:AGENT_UDP";
                } else {
                    # a new call from a caller: to callgate, over TLS
                    $du = "sip:127.0.0.1:CALLGATE_TLS;transport=tls";
                }
                t_relay();
            }
            """;
}
