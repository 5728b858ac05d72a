package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * The {@code sip:} section: where callgate accepts SIP from the call-centre platform.
 *
 * <p>Addresses are kept as written so that validation can quote them; the typed accessors
 * convert them to {@link InetAddress} without any DNS lookup. Only a {@link ConfigLoader}-validated
 * instance is guaranteed to convert.
 *
 * @param listenAddress IP literal to bind
 * @param advertisedAddress IP literal written in Via, Contact and SDP, or {@code null} for
 *     {@code listenAddress}
 * @param port SIP port, for every transport
 * @param transports transports to listen on, at least one
 * @param tls the TLS listening point, used when {@code transports} lists {@code tls}
 * @param outboundProxy SIP URI (IP literal host) of the proxy that callgate's own new requests (agent
 *     legs, callbacks, click-to-dial) go through, or {@code null} to send them to their target
 *     ({@link OutboundProxyRules}); in front of several nodes, the Kamailio that dispatches to them
 */
public record SipConfig(
        String listenAddress,
        String advertisedAddress,
        int port,
        List<Transport> transports,
        SipTlsConfig tls,
        String outboundProxy) {

    public SipConfig {
        Objects.requireNonNull(listenAddress, "listenAddress");
        transports = List.copyOf(transports);
        Objects.requireNonNull(tls, "tls");
    }

    /** Without TLS and without an outbound proxy. */
    public SipConfig(String listenAddress, String advertisedAddress, int port, List<Transport> transports) {
        this(listenAddress, advertisedAddress, port, transports, SipTlsConfig.NONE, null);
    }

    /** The documented defaults of the {@code sip:} section. */
    public static SipConfig defaults() {
        return new SipConfig("127.0.0.1", null, 5060, List.of(Transport.UDP, Transport.TCP));
    }

    /** Binds the YAML keys; a key left out (or {@code null}) takes its default. */
    @JsonCreator
    static SipConfig fromYaml(
            @JsonProperty("listen-address") String listenAddress,
            @JsonProperty("advertised-address") String advertisedAddress,
            @JsonProperty("port") Integer port,
            @JsonProperty("transports") List<Transport> transports,
            @JsonProperty("tls") SipTlsConfig tls,
            @JsonProperty("outbound-proxy") String outboundProxy) {
        SipConfig d = defaults();
        return new SipConfig(
                Objects.requireNonNullElse(listenAddress, d.listenAddress()),
                advertisedAddress,
                Objects.requireNonNullElse(port, d.port()),
                Objects.requireNonNullElse(transports, d.transports()),
                Objects.requireNonNullElse(tls, SipTlsConfig.NONE),
                outboundProxy);
    }

    public InetAddress listenInetAddress() {
        return IpLiterals.require(listenAddress, "sip.listen-address");
    }

    /** The address peers are told to use: {@code advertised-address}, else {@code listen-address}. */
    public InetAddress advertisedInetAddress() {
        return advertisedAddress == null
                ? listenInetAddress()
                : IpLiterals.require(advertisedAddress, "sip.advertised-address");
    }

    public InetSocketAddress listenSocketAddress() {
        return new InetSocketAddress(listenInetAddress(), port);
    }
}
