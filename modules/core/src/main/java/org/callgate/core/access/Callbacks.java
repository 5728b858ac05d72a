package org.callgate.core.access;

import java.io.IOException;

/**
 * Starts a callback an agent asks for in the web UI (R5): callgate asks the agent's phone to call
 * the customer from a service line; the call then follows the callback rules of the SIP side
 * (platform addresses only, the outbound trunk, that line's recording and retention).
 */
@FunctionalInterface
public interface Callbacks {

    /**
     * Asks the phone to call; returns once the phone has answered the request or given up.
     *
     * @param phone the agent's phone, a {@code sip:} URI of the call-centre platform
     * @param number the customer's number in any usual form
     * @param service the service line the callback is from
     * @throws IllegalArgumentException naming what may not be used (phone, number or line)
     * @throws IllegalStateException when callbacks are off (no outbound trunk)
     * @throws IOException when the phone could not be reached
     */
    Outcome place(String phone, String number, String service) throws IOException;

    /**
     * What the phone said.
     *
     * @param number the customer's number as called (E.164)
     * @param sipStatus the phone's final SIP status: 202 when it accepted, 408 when it never answered
     */
    record Outcome(String number, int sipStatus) {

        public boolean accepted() {
            return sipStatus >= 200 && sipStatus < 300;
        }
    }
}
