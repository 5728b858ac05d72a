package org.callgate.app.config;

import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads IP address literals, never host names.
 *
 * <p>A configured host name would be resolved at start-up, tie start-up to DNS and could bind or
 * advertise a different address than the operator meant, so only literals are accepted. IPv4
 * must be a full dotted quad: {@link InetAddress#ofLiteral} also takes legacy forms such as
 * {@code 127.1}, which read as a typo in a configuration file.
 */
final class IpLiterals {

    static final String REASON =
            "not an IP address; write a literal such as 127.0.0.1 or ::1 (host names are not resolved)";

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private IpLiterals() {}

    static Optional<InetAddress> parse(String text) {
        if (text == null || !(DOTTED_QUAD.matcher(text).matches() || text.indexOf(':') >= 0)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(text));
        } catch (IllegalArgumentException notALiteral) {
            return Optional.empty();
        }
    }

    /** For typed accessors of validated configuration; {@code key} names the culprit otherwise. */
    static InetAddress require(String text, String key) {
        return parse(text)
                .orElseThrow(() -> new IllegalStateException(key + ": " + Values.show(text) + " — " + REASON));
    }
}
