package org.callgate.app.config;

import java.util.List;

/**
 * The configuration cannot be used; nothing should be started.
 *
 * <p>{@link #getMessage()} is the first error as one line fit for a terminal or a log, with no
 * Java type names and no stack trace; {@link #errors()} has every error found, in file order.
 * Binding stops at the first error (syntax, unknown key, wrong type); validation of a bound file
 * reports every error.
 */
public final class ConfigException extends Exception {

    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors, Throwable cause) {
        super(errors.getFirst().toString(), cause);
        this.errors = List.copyOf(errors);
    }

    public ConfigException(ConfigError error, Throwable cause) {
        this(List.of(error), cause);
    }

    public ConfigException(ConfigError error) {
        this(List.of(error), null);
    }

    /** Every error found, at least one, in file order. */
    public List<ConfigError> errors() {
        return errors;
    }
}
