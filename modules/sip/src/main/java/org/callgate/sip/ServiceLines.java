package org.callgate.sip;

import org.callgate.core.ServiceLine;
import org.callgate.core.ivr.Menu;
import org.callgate.core.ivr.MenuAction;

/** The services a line's IVR can route to, for a callback that states one (R5, R8). */
final class ServiceLines {

    private ServiceLines() {}

    /** Whether a menu option of {@code line}'s IVR, at any depth, puts calls in {@code service}. */
    static boolean offers(ServiceLine line, String service) {
        return line.ivrPlan().map(plan -> offers(plan.menu(), service)).orElse(false);
    }

    private static boolean offers(Menu menu, String service) {
        for (MenuAction action : menu.options().values()) {
            boolean found = switch (action) {
                case MenuAction.Queue queue -> service.equals(queue.service());
                case MenuAction.Submenu sub -> offers(sub.menu(), service);
                default -> false;
            };
            if (found) {
                return true;
            }
        }
        return false;
    }
}
