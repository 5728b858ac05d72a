package org.callgate.sip;

/** Life cycle of a B2BUA call, as seen from the caller's INVITE. */
enum CallState {
    /** Agent leg INVITE sent, no answer yet. */
    CALLING,
    /** Agent answered; 200 OK relayed to the caller. */
    CONFIRMED,
    /** Ended; only retransmissions and late responses are still handled. */
    TERMINATED
}
