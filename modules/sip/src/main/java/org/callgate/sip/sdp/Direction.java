package org.callgate.sip.sdp;

import java.util.List;

/**
 * The direction of an audio stream, from the point of view of the party whose description it is
 * (RFC 8866 §6.7; RFC 3264 §6.1 for how an answer mirrors an offer, §8.4 for hold).
 */
public enum Direction {
    SENDRECV,
    SENDONLY,
    RECVONLY,
    INACTIVE;

    /** The direction an answer gives to an offer of this direction (RFC 3264 §6.1). */
    public Direction answer() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    /** Does the party that wrote this direction want to receive media? */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    public String attribute() {
        return "a=" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The audio direction of {@code sdp}: the media section's attribute, else the session's, else
     * sendrecv. The RFC 2543 hold, {@code c=0.0.0.0}, reads as a party that does not receive.
     */
    public static Direction of(Sdp sdp) {
        MediaDescription audio = sdp.audio().orElse(null);
        Direction stated = audio == null ? null : stated(audio.lines());
        if (stated == null) {
            stated = stated(sdp.sessionLines());
        }
        Direction direction = stated == null ? SENDRECV : stated;
        boolean oldHold = audio != null && Sdp.isUnspecified(sdp.connectionAddressOf(audio));
        if (oldHold && direction.receives()) {
            return direction == SENDRECV ? SENDONLY : INACTIVE;
        }
        return direction;
    }

    private static Direction stated(List<String> lines) {
        for (String line : lines) {
            for (Direction d : values()) {
                if (line.equalsIgnoreCase(d.attribute())) {
                    return d;
                }
            }
        }
        return null;
    }
}
