package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callgate.core.ivr.Menu;
import org.callgate.core.ivr.MenuAction;

/**
 * One IVR menu as written in the file: a prompt and what each key does.
 *
 * <p>Keys stay text here, in file order, so that a key that is no DTMF key ({@code 10},
 * {@code **}) can be quoted in an error; YAML reads an unquoted {@code 1:} as a number, which
 * binds to the same text {@code "1"}. The loader checks every key and option before
 * {@link #toMenu()} is called.
 *
 * @param prompt prompt that reads the menu out; required
 * @param options DTMF key ({@code 0-9 * #}) → option, at least one
 */
public record MenuConfig(String prompt, Map<String, MenuOptionConfig> options) {

    public MenuConfig {
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    @JsonCreator
    static MenuConfig fromYaml(
            @JsonProperty("prompt") String prompt, @JsonProperty("options") Map<String, MenuOptionConfig> options) {
        return new MenuConfig(prompt, options);
    }

    /**
     * The core view of this menu and its submenus.
     *
     * @throws IllegalArgumentException when the menu was not validated by {@link ConfigLoader}
     */
    public Menu toMenu() {
        Map<Character, MenuAction> actions = new LinkedHashMap<>();
        options.forEach((key, option) -> {
            if (key.length() != 1) {
                throw new IllegalArgumentException("menu key '" + key + "' is not one DTMF key");
            }
            actions.put(key.charAt(0), option.toAction());
        });
        return new Menu(prompt, actions);
    }
}
