package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code media:} section: where callgate relays and records RTP.
 *
 * <p>RTP uses an even port and RTCP the odd port above it (RFC 3550 §11), so the range is a
 * number of port pairs; each call takes two pairs, one per leg.
 *
 * @param address IP literal RTP binds to and SDP advertises
 * @param rtpPortMin first RTP port, even
 * @param rtpPortMax last port of the range (an RTCP port when the range ends on a full pair)
 * @param inactivityTimeout a call with no RTP or RTCP for this long is ended with BYE
 * @param threads media event-loop threads; 0 means one per available processor
 */
public record MediaConfig(String address, int rtpPortMin, int rtpPortMax, Duration inactivityTimeout, int threads) {

    public MediaConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(inactivityTimeout, "inactivityTimeout");
    }

    /** The documented defaults of the {@code media:} section. */
    public static MediaConfig defaults() {
        return new MediaConfig("127.0.0.1", 20000, 29999, Duration.ofSeconds(60), 0);
    }

    /** Binds the YAML keys; a key left out (or {@code null}) takes its default. */
    @JsonCreator
    static MediaConfig fromYaml(
            @JsonProperty("address") String address,
            @JsonProperty("rtp-port-min") Integer rtpPortMin,
            @JsonProperty("rtp-port-max") Integer rtpPortMax,
            @JsonProperty("inactivity-timeout") Duration inactivityTimeout,
            @JsonProperty("threads") Integer threads) {
        MediaConfig d = defaults();
        return new MediaConfig(
                Objects.requireNonNullElse(address, d.address()),
                Objects.requireNonNullElse(rtpPortMin, d.rtpPortMin()),
                Objects.requireNonNullElse(rtpPortMax, d.rtpPortMax()),
                Objects.requireNonNullElse(inactivityTimeout, d.inactivityTimeout()),
                Objects.requireNonNullElse(threads, d.threads()));
    }

    public InetAddress inetAddress() {
        return IpLiterals.require(address, "media.address");
    }

    /** {@link #threads()}, with 0 resolved to the number of available processors. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** How many RTP/RTCP port pairs the range holds. */
    public int portPairs() {
        int firstEven = rtpPortMin + (rtpPortMin & 1);
        return Math.max(0, (rtpPortMax - firstEven + 1) / 2);
    }
}
