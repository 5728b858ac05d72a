package org.callgate.sip;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.callgate.core.ServiceDirectory;

/**
 * What the B2BUA needs to know, already validated by the configuration reader.
 *
 * @param listenAddress IP the SIP listening points bind to
 * @param advertisedAddress IP written in Via, Contact and SDP; the listen address unless behind NAT
 * @param port SIP port for every transport
 * @param transports {@code udp}, {@code tcp} and/or {@code tls}
 * @param maxCalls calls above this count are refused with 503 and {@code Retry-After}
 * @param maxSetupRate new calls admitted per second, above it 503 with {@code Retry-After}; 0 for
 *     no limit ({@link SetupRateLimit})
 * @param retryAfter value of {@code Retry-After} on 503 (RFC 3261 §20.33)
 * @param overloadDelay a new call over UDP is refused with 503 while SIP requests wait longer than
 *     this for a worker ({@code OverloadGate}); zero for never
 * @param noAnswerTimeout after this long without an answer the agent leg is cancelled
 * @param directory the service lines in scope (R5)
 * @param clock source of every timestamp
 * @param outbound the trunk for callbacks and who may place them (R5)
 * @param tls the TLS listening point's port, certificate and key, {@link SipTls#NONE} without TLS
 * @param outboundProxy SIP URI of the proxy every out-of-dialog request callgate originates (agent
 *     legs, callbacks, click-to-dial REFER) is sent through, with a preloaded {@code Route} (RFC 3261
 *     §8.1.2); null to send them to their Request-URI
 */
public record B2buaSettings(
        InetAddress listenAddress,
        InetAddress advertisedAddress,
        int port,
        Set<String> transports,
        int maxCalls,
        int maxSetupRate,
        Duration retryAfter,
        Duration overloadDelay,
        Duration noAnswerTimeout,
        ServiceDirectory directory,
        Clock clock,
        Outbound outbound,
        SipTls tls,
        String outboundProxy) {

    /** Without an outbound proxy. */
    public B2buaSettings(
            InetAddress listenAddress,
            InetAddress advertisedAddress,
            int port,
            Set<String> transports,
            int maxCalls,
            int maxSetupRate,
            Duration retryAfter,
            Duration overloadDelay,
            Duration noAnswerTimeout,
            ServiceDirectory directory,
            Clock clock,
            Outbound outbound,
            SipTls tls) {
        this(
                listenAddress,
                advertisedAddress,
                port,
                transports,
                maxCalls,
                maxSetupRate,
                retryAfter,
                overloadDelay,
                noAnswerTimeout,
                directory,
                clock,
                outbound,
                tls,
                null);
    }

    public B2buaSettings {
        Objects.requireNonNull(listenAddress, "listenAddress");
        Objects.requireNonNull(advertisedAddress, "advertisedAddress");
        transports = Set.copyOf(transports);
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(overloadDelay, "overloadDelay");
        Objects.requireNonNull(noAnswerTimeout, "noAnswerTimeout");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(tls, "tls");
        if (transports.contains("tls") && !tls.enabled()) {
            throw new IllegalArgumentException("the tls transport needs a certificate and a key");
        }
    }

    /** The port callgate listens on and writes in Via and Contact for {@code transport}. */
    public int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) ? tls.port() : port;
    }

    /** The host part callgate puts in its own URIs. */
    public String advertisedHost() {
        String host = advertisedAddress.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
