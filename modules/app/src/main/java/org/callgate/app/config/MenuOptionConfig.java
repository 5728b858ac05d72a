package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.callgate.core.ivr.MenuAction;

/**
 * What one key of a menu does, as written in the file: exactly one of {@code queue},
 * {@code menu} or {@code action}.
 *
 * <p>A queue option may move the call to another service ({@code banking} for Postinfo, whose
 * calls are always recorded and kept 10 years, R3 and R8) and have an announcement played in
 * full before the call is routed (the banking recording notice, R8). The {@code agent} action
 * sends the caller to the line's own queue: a person is always one key away (R15).
 *
 * @param queue {@code sip:} or {@code sips:} URI of the agent queue, or {@code null}
 * @param service the service the call belongs to from then on ({@code [a-z][a-z0-9-]*}), or
 *     {@code null} for the line's own; queue options only
 * @param announcement prompt played in full before routing, or {@code null}; queue options only
 * @param menu a submenu, or {@code null}
 * @param action {@code agent} or {@code repeat}, or {@code null}
 */
public record MenuOptionConfig(String queue, String service, String announcement, MenuConfig menu, String action) {

    /** To the line's queue (R15). */
    static final String AGENT = "agent";
    /** Read the current menu again; not counted as a wrong key. */
    static final String REPEAT = "repeat";

    static final List<String> ACTIONS = List.of(AGENT, REPEAT);

    @JsonCreator
    static MenuOptionConfig fromYaml(
            @JsonProperty("queue") String queue,
            @JsonProperty("service") String service,
            @JsonProperty("announcement") String announcement,
            @JsonProperty("menu") MenuConfig menu,
            @JsonProperty("action") String action) {
        return new MenuOptionConfig(queue, service, announcement, menu, action);
    }

    static MenuOptionConfig queue(String queue) {
        return queue(queue, null, null);
    }

    static MenuOptionConfig queue(String queue, String service, String announcement) {
        return new MenuOptionConfig(queue, service, announcement, null, null);
    }

    static MenuOptionConfig submenu(MenuConfig menu) {
        return new MenuOptionConfig(null, null, null, menu, null);
    }

    static MenuOptionConfig action(String action) {
        return new MenuOptionConfig(null, null, null, null, action);
    }

    /**
     * The core view of this option.
     *
     * @throws IllegalArgumentException when the option was not validated by {@link ConfigLoader}
     */
    public MenuAction toAction() {
        if (queue != null) {
            return new MenuAction.Queue(queue, service, announcement);
        }
        if (menu != null) {
            return new MenuAction.Submenu(menu.toMenu());
        }
        return switch (String.valueOf(action)) {
            case AGENT -> new MenuAction.Agent();
            case REPEAT -> new MenuAction.Repeat();
            default -> throw new IllegalArgumentException("not a menu action: " + action);
        };
    }
}
