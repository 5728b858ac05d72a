package org.callgate.app.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file, pinned to where it is.
 *
 * <p>{@link #toString()} is the line an operator sees, in the format compilers use so that editors
 * and terminals can jump to it: {@code <file>:<line>:<col>: <key>: <value> — <reason>}. Line and
 * column are 0 when the error has no position (the file cannot be read); key and value are
 * {@code null} when it concerns no key (YAML syntax).
 *
 * @param file the file as it was named to the loader
 * @param line 1-based line, or 0
 * @param column 1-based column, or 0
 * @param key key path in YAML terms ({@code service-lines[2].number}, list indexes from 0), or
 *     {@code null}
 * @param value the value as written ({@code 'fivesixty'}, {@code 70000}, {@code (none)}), or
 *     {@code null}
 * @param reason what is wrong or expected, never a Java type name
 */
public record ConfigError(String file, int line, int column, String key, String value, String reason) {

    public ConfigError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    static ConfigError unplaced(String file, String reason) {
        return new ConfigError(file, 0, 0, null, null, reason);
    }

    static ConfigError syntax(String file, int line, int column, String reason) {
        return new ConfigError(file, line, column, null, null, reason);
    }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        String what = key == null ? reason : key + ": " + value + " — " + reason;
        return where + ": " + what;
    }
}
