package org.callgate.sip.sdp;

import org.callgate.core.media.AudioCodec;

/**
 * The outcome of an offer/answer exchange on one leg: the audio codec both sides use and the
 * RFC 4733 telephone-event payload type (-1 when the peer did not offer DTMF events).
 */
public record Negotiated(AudioCodec codec, int telephoneEvent) {

    /** What callgate offers by default: A-law first (the European default), DTMF on 101. */
    public static final Negotiated DEFAULT = new Negotiated(AudioCodec.PCMA, 101);
}
