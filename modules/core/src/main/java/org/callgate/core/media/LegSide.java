package org.callgate.core.media;

/** Which party a media leg faces. */
public enum LegSide {
    /** The customer who called (A-leg). */
    CALLER,
    /** The agent queue on the call-centre platform (B-leg). */
    AGENT;

    public LegSide other() {
        return this == CALLER ? AGENT : CALLER;
    }
}
