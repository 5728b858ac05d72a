package org.callgate.sip;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this node is draining: taking no new calls while its calls go on to their end, so that
 * it can leave a group of callgate nodes behind a load balancer without cutting a call (ADR 0017).
 *
 * <p>While draining, an out-of-dialog OPTIONS (the load balancer's probe) and a new INVITE get
 * {@code 503 Service Unavailable} with {@code Retry-After} (RFC 3261 §21.5.4): the probe takes the
 * node out of the balancer's set, and an INVITE that reached it before the probe did is sent to
 * another node by the balancer's failure route. Everything inside a dialog (ACK, BYE, re-INVITE,
 * UPDATE, INFO, CANCEL of a pending INVITE) is served as before.
 */
final class Drain {

    /** The reason phrase of the 503s a draining node answers with. */
    static final String REASON = "Draining";

    private final AtomicBoolean active = new AtomicBoolean();

    /** Starts draining; returns whether it was not draining before. */
    boolean start() {
        return active.compareAndSet(false, true);
    }

    /** Takes new calls again; returns whether it was draining. */
    boolean stop() {
        return active.compareAndSet(true, false);
    }

    boolean active() {
        return active.get();
    }
}
