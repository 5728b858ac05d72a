package org.callgate.sip.stack;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The JAIN-SIP RI settings callgate runs with, in one place with the reason for each.
 */
public final class StackProperties {

    /**
     * The most the stack reads of one UDP datagram (and of one message on TCP): {@link
     * GuardValve}'s limit plus 1 KiB, so that a longer request is still seen, and answered 513.
     */
    public static final int READ_LIMIT_BYTES = GuardValve.MAX_REQUEST_BYTES + 1024;

    /** The TLS 1.3 suites and the TLS 1.2 ECDHE AEAD suites. */
    static final java.util.List<String> CIPHER_SUITES = java.util.List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private StackProperties() {}

    public static Properties forGateway(String name) {
        return base(name);
    }

    /**
     * Adds the overload gate to {@code stack}'s properties: a new call over UDP is refused with 503
     * and {@code retryAfter} while SIP requests wait longer than {@code delay} for a worker
     * ({@link OverloadGate}); a zero delay turns it off.
     */
    public static Properties withOverloadGate(
            Properties stack, java.time.Duration delay, java.time.Duration retryAfter) {
        OverloadGate.properties(stack, delay, retryAfter);
        return stack;
    }

    /**
     * The same, with SIP over TLS: callgate's PEM certificate chain and key, and the PEM
     * certificates it trusts as a TLS client (null: its own chain). A TLS peer is not asked for a
     * certificate of its own: peers are admitted by address and service line, as on UDP and TCP.
     */
    public static Properties forGateway(String name, Path certificate, Path key, Path trust)
            throws java.io.IOException, java.security.GeneralSecurityException {
        Properties p = base(name);
        if (certificate != null) {
            PemKeyStores.configure(p, certificate, key, trust);
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3,TLSv1.2");
            // The RI's default suites are RSA key exchange, 3DES and anonymous DH, all of which
            // current JDKs disable: without this list no handshake succeeds. Forward secrecy and
            // AEAD only (RFC 9325 §4.2), ECDSA and RSA certificates alike.
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", CIPHER_SUITES));
        }
        return p;
    }

    private static Properties base(String name) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        // Without our own loggers the RI needs log4j 1.x on the class path.
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        // One event thread would serialise every call; handlers are thread-safe per call.
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        // A finished transaction or dialog lets go of its messages (and, through them, of the
        // call) at once instead of holding them, or their bytes, for the RFC 3261 timers (~32 s).
        // With Normal, 300 calls/s kept 163 MB live and above that full collections failed the
        // set-up p99 (docs/benchmarks.md). Needs GatewayStack: the RI alone then fails to match
        // RFC 2543 requests (LeanServerTransaction).
        p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Aggressive");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        // Transaction timers on a ScheduledThreadPoolExecutor, whose cancelled tasks are purged,
        // instead of one java.util.Timer thread whose queue keeps them until they are due; and
        // which lets go of a dialog once its 2xx is acknowledged (DialogTimer).
        p.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", DialogTimer.class.getName());
        // NIO for UDP, the blocking transport for TCP and TLS: the NIO stream client loses the
        // first request on each new connection (BlockingStreams).
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", BlockingStreams.class.getName());
        // The RI allocates a buffer of this size for every UDP datagram it reads: at 64 KiB that was
        // 56 % of all allocation at 250 calls/s. A longer datagram is cut here, and answered 513
        // (RepairingParserFactory.TRUNCATED); a longer message on TCP closes the connection.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(READ_LIMIT_BYTES));
        // Requests missing a mandatory header or too large get 400/513 rather than silence.
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", RepairingParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", GuardValve.class.getName());
        // The RI drops new requests when its tables are full; size them for load, not defaults.
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "100000");
        // Under overload, UDP requests that waited this long in the stack's queue are dropped
        // (the sender retransmits) instead of piling up until the heap is gone.
        p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "2000");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "4194304");
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "4194304");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        return p;
    }
}
