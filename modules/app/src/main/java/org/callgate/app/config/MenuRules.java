package org.callgate.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callgate.core.ivr.Dtmf;

/**
 * The rules for an IVR menu and its submenus: every key is one DTMF key, and every option does
 * exactly one thing, so that what a caller presses is never ambiguous. A queue option's
 * {@code service} moves the call to another service ({@code banking}, R3 and R8) and is named
 * like a line id, since it ends up in SIP headers and storage.
 */
final class MenuRules {

    private MenuRules() {}

    /** Checks {@code menu}, found at key path {@code path}. */
    static void check(String path, MenuConfig menu, Problems problems) {
        problems.present(KeyPaths.child(path, "prompt"), menu.prompt());
        String optionsPath = KeyPaths.child(path, "options");
        // Shown as written ({} or null) when the file has the key, else as (none).
        if (!problems.require(!menu.options().isEmpty(), optionsPath, null, "a menu needs at least one option")) {
            return;
        }
        for (Map.Entry<String, MenuOptionConfig> entry : menu.options().entrySet()) {
            String key = entry.getKey();
            String optionPath = KeyPaths.child(optionsPath, key);
            if (key.length() != 1 || !Dtmf.isSymbol(key.charAt(0))) {
                problems.add(Problem.of(
                                optionPath,
                                entry.getValue(),
                                "not a DTMF key; an option key is one of 0-9, *, # (quote * and #)")
                        .atKey());
            }
            option(optionPath, entry.getValue(), problems);
        }
    }

    private static void option(String path, MenuOptionConfig option, Problems problems) {
        List<String> given = given(option);
        if (given.size() != 1) {
            problems.add(Problem.of(
                    path,
                    option,
                    given.isEmpty()
                            ? "needs one of queue, menu, action"
                            : "has " + String.join(" and ", given) + "; give exactly one of queue, menu, action"));
            return;
        }
        if (option.queue() != null) {
            ServiceLineRules.queue(KeyPaths.child(path, "queue"), option.queue(), problems);
            if (option.service() != null) {
                problems.require(
                        ServiceLineRules.ID.matcher(option.service()).matches(),
                        KeyPaths.child(path, "service"),
                        option.service(),
                        ServiceLineRules.ID_RULE);
            }
            return;
        }
        problems.require(
                option.service() == null,
                KeyPaths.child(path, "service"),
                option.service(),
                "only a queue option has a service");
        problems.require(
                option.announcement() == null,
                KeyPaths.child(path, "announcement"),
                option.announcement(),
                "only a queue option has an announcement");
        if (option.menu() != null) {
            check(KeyPaths.child(path, "menu"), option.menu(), problems);
        } else {
            problems.require(
                    MenuOptionConfig.ACTIONS.contains(option.action()),
                    KeyPaths.child(path, "action"),
                    option.action(),
                    "not an action; allowed: " + String.join(", ", MenuOptionConfig.ACTIONS));
        }
    }

    /** Which of the three kinds of option the file gives, in the order the rule names them. */
    private static List<String> given(MenuOptionConfig option) {
        List<String> given = new ArrayList<>();
        if (option.queue() != null) {
            given.add("queue");
        }
        if (option.menu() != null) {
            given.add("menu");
        }
        if (option.action() != null) {
            given.add("action");
        }
        return given;
    }
}
