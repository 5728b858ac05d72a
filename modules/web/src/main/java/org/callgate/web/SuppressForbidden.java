package org.callgate.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a method from the build's bans ({@code config/build/forbidden-apis.txt}), with the reason
 * it is right. The one use: {@link ServerTiming} measures an elapsed time on the monotonic clock,
 * which is not a time of day and which no test needs to move.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface SuppressForbidden {

    /** Why the exemption is right. */
    String value();
}
