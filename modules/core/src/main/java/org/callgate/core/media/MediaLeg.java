package org.callgate.core.media;

import java.net.InetSocketAddress;

/**
 * One side of a relayed call: the local RTP port callgate advertises to that side, and where
 * that side's media is sent.
 *
 * <p>The remote address from the SDP is only a first guess. With symmetric RTP (RFC 4961) the
 * leg latches onto the source address of the first packet it receives after each {@link
 * #remote(InetSocketAddress)} call, which is what makes calls through NAT work.
 */
public interface MediaLeg {

    LegSide side();

    /** Address and RTP port to put in this leg's SDP ({@code c=} and {@code m=}); RTCP is port + 1. */
    InetSocketAddress localRtp();

    /**
     * Sets where this leg's peer receives RTP, from its SDP ({@code null} while unknown or on hold
     * with {@code c=0.0.0.0}); RTCP goes to port + 1 (RFC 3550 §11). Re-arms latching.
     */
    void remote(InetSocketAddress rtp);

    /**
     * The payload types agreed on this leg in SDP: the audio codec prompts are encoded in, and
     * the RFC 4733 telephone-event payload type whose events are reported as DTMF (-1: none).
     */
    void payloadTypes(AudioCodec codec, int telephoneEvent);

    /**
     * The peer asked not to receive media (a sendonly or inactive offer, or {@code c=0.0.0.0}: RFC
     * 3264 §8.4), or takes it again: a prompt playing to it is paused where it is and resumes from
     * there, so a caller who puts the IVR on hold hears the rest of the sentence afterwards.
     */
    void hold(boolean held);

    /** Counters of packets received from and sent to this leg's peer. */
    LegCounters counters();
}
