package org.callgate.app.config;

import java.util.List;

/**
 * A rule a bound configuration breaks, before it is placed in the file.
 *
 * @param path key path in YAML terms ({@code media.rtp-port-min})
 * @param value the value as shown when the file does not have the key (a default or missing)
 * @param reason what is wrong, naming the rule
 * @param near keys to point at, in order, when the file does not have {@code path}: a rule
 *     between two keys is placed where the operator wrote one of them
 * @param onKey whether the key itself is wrong (a menu key that is no DTMF key): the error then
 *     points at the key rather than at its value
 */
record Problem(String path, String value, String reason, List<String> near, boolean onKey) {

    Problem {
        near = List.copyOf(near);
    }

    Problem(String path, String value, String reason, List<String> near) {
        this(path, value, reason, near, false);
    }

    static Problem of(String path, Object value, String reason) {
        return new Problem(path, Values.show(value), reason, List.of());
    }

    Problem near(String... paths) {
        return new Problem(path, value, reason, List.of(paths), onKey);
    }

    Problem atKey() {
        return new Problem(path, value, reason, near, true);
    }
}
