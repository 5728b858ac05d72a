package org.callgate.core.ivr;

import java.util.Objects;

/** What pressing a key in a menu does. */
public sealed interface MenuAction {

    /**
     * Route to an agent queue.
     *
     * @param queueUri SIP URI of the queue
     * @param service the service the call now belongs to ({@code banking} for Postinfo, R3/R8);
     *     null keeps the line's own service
     * @param announcement prompt played before routing (the banking recording notice, R8), or null
     */
    record Queue(String queueUri, String service, String announcement) implements MenuAction {
        public Queue {
            Objects.requireNonNull(queueUri, "queueUri");
        }
    }

    /** Go to a deeper menu. */
    record Submenu(Menu menu) implements MenuAction {
        public Submenu {
            Objects.requireNonNull(menu, "menu");
        }
    }

    /** Play the current menu again; does not count as a failed try. */
    record Repeat() implements MenuAction {}

    /** Route to the line's default queue: the caller asked for a person (R15). */
    record Agent() implements MenuAction {}
}
