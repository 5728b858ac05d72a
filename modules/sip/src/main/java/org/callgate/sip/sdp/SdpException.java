package org.callgate.sip.sdp;

/** A session description callgate cannot accept; the message is the reason sent to the peer. */
public final class SdpException extends Exception {

    private final boolean malformed;

    private SdpException(String message, boolean malformed) {
        super(message);
        this.malformed = malformed;
    }

    /** The body does not follow RFC 8866 syntax: answered with {@code 400 Bad Request}. */
    public static SdpException malformed(String reason) {
        return new SdpException("Malformed SDP: " + reason, true);
    }

    /** Well-formed, but nothing callgate can relay: answered with {@code 488 Not Acceptable Here}. */
    public static SdpException notAcceptable(String reason) {
        return new SdpException(reason, false);
    }

    public boolean malformed() {
        return malformed;
    }
}
