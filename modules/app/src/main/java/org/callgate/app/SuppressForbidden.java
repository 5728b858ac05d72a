package org.callgate.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a command-line class from the build's ban on {@code System.out}/{@code System.err}:
 * talking to the terminal is what a command does. Everything else logs through SLF4J.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SuppressForbidden {

    /** Why the exemption is right. */
    String value();
}
