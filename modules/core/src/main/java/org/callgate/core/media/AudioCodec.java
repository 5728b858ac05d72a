package org.callgate.core.media;

/**
 * The audio codecs callgate relays, plays and records: G.711 µ-law and A-law, with their static
 * RTP payload types (RFC 3551 §6). Both carry 8,000 samples per second, one byte per sample.
 */
public enum AudioCodec {
    PCMU(0),
    PCMA(8);

    private final int payloadType;

    AudioCodec(int payloadType) {
        this.payloadType = payloadType;
    }

    public int payloadType() {
        return payloadType;
    }

    /** The codec of a static payload type, or null. */
    public static AudioCodec ofPayloadType(int payloadType) {
        for (AudioCodec codec : values()) {
            if (codec.payloadType == payloadType) {
                return codec;
            }
        }
        return null;
    }
}
