package org.callgate.media;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the media relay.
 *
 * <p>RTP uses the even ports of {@code portMin..portMax} and RTCP the odd port above each
 * (RFC 3550 §11), so {@code portMin} must be even and the range holds {@code (portMax - portMin +
 * 1) / 2} pairs. Each session needs two pairs, one per leg.
 *
 * <p>Every notion of "now" in the relay comes from {@code clock}, so tests can move time by hand.
 *
 * @param bindAddress the local address the UDP sockets bind to (may be the wildcard address)
 * @param advertisedAddress the address written into SDP for peers to send media to; it must be a
 *     concrete address, never the wildcard
 * @param portMin first RTP port, even
 * @param portMax last port of the range (an RTCP port if odd)
 * @param inactivityTimeout how long an established session may go without receiving any RTP or
 *     RTCP before {@link org.callgate.core.media.MediaListener#onInactive} is called
 * @param clock the only source of time
 * @param ioThreads event-loop threads shared by all sessions
 */
public record MediaSettings(
        InetAddress bindAddress,
        InetAddress advertisedAddress,
        int portMin,
        int portMax,
        Duration inactivityTimeout,
        Clock clock,
        int ioThreads) {

    private static final Duration MAX_CHECK_PERIOD = Duration.ofSeconds(1);
    private static final Duration MIN_CHECK_PERIOD = Duration.ofMillis(1);

    public MediaSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(advertisedAddress, "advertisedAddress");
        Objects.requireNonNull(inactivityTimeout, "inactivityTimeout");
        Objects.requireNonNull(clock, "clock");
        if (advertisedAddress.isAnyLocalAddress()) {
            throw new IllegalArgumentException(
                    "advertisedAddress must be a concrete address for SDP, not " + advertisedAddress);
        }
        PortPool.checkRange(portMin, portMax);
        if (inactivityTimeout.isNegative() || inactivityTimeout.isZero()) {
            throw new IllegalArgumentException("inactivityTimeout must be positive: " + inactivityTimeout);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
    }

    /**
     * Settings that bind and advertise the same address, with one event-loop thread per available
     * processor.
     */
    public static MediaSettings of(
            InetAddress address, int portMin, int portMax, Duration inactivityTimeout, Clock clock) {
        return new MediaSettings(
                address,
                address,
                portMin,
                portMax,
                inactivityTimeout,
                clock,
                Runtime.getRuntime().availableProcessors());
    }

    public MediaSettings withIoThreads(int threads) {
        return new MediaSettings(bindAddress, advertisedAddress, portMin, portMax, inactivityTimeout, clock, threads);
    }

    public MediaSettings withAdvertisedAddress(InetAddress address) {
        return new MediaSettings(bindAddress, address, portMin, portMax, inactivityTimeout, clock, ioThreads);
    }

    /** Number of RTP/RTCP port pairs in the range. */
    public int portPairs() {
        return (portMax - portMin + 1) / 2;
    }

    /**
     * How often sessions compare the clock with their last received packet: a quarter of the
     * timeout, so a dead call is reported at most 25% late, but at least once a second.
     */
    public Duration inactivityCheckPeriod() {
        Duration quarter = inactivityTimeout.dividedBy(4);
        if (quarter.compareTo(MIN_CHECK_PERIOD) < 0) {
            return MIN_CHECK_PERIOD;
        }
        return quarter.compareTo(MAX_CHECK_PERIOD) > 0 ? MAX_CHECK_PERIOD : quarter;
    }
}
