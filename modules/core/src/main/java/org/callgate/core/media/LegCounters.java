package org.callgate.core.media;

/**
 * A snapshot of one leg's traffic.
 *
 * @param packetsIn RTP packets received from the leg's peer
 * @param bytesIn RTP bytes (UDP payload) received from the leg's peer
 * @param packetsLost RTP packets the peer sent that never arrived, from sequence-number gaps
 *     (RFC 3550 §6.4.1 cumulative number of packets lost)
 * @param packetsOut RTP packets sent to the leg's peer
 * @param bytesOut RTP bytes sent to the leg's peer
 * @param rtcpIn RTCP packets received from the leg's peer
 * @param rtcpOut RTCP packets sent to the leg's peer
 * @param dropped packets received that could not be relayed (no known destination, foreign
 *     source, not RTP)
 */
public record LegCounters(
        long packetsIn,
        long bytesIn,
        long packetsLost,
        long packetsOut,
        long bytesOut,
        long rtcpIn,
        long rtcpOut,
        long dropped) {

    /** Loss as a fraction of the packets the peer sent, 0 when nothing was expected. */
    public double lossRatio() {
        long expected = packetsIn + packetsLost;
        return expected == 0 ? 0.0 : (double) packetsLost / expected;
    }
}
