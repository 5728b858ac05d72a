package org.callgate.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of a request's header lines as they came, before the RI's parser has merged or
 * smoothed them (RFC 4475 §3.1.2.14, §3.3.13, §3.3.14): a header that may appear only once but
 * appears several times (two Content-Lengths leave the message's end in doubt; two Call-IDs or
 * CSeqs leave the transaction in doubt), and a display name with characters a token may not hold
 * that is not quoted ({@code From: Bell, Alexander <sip:...>}). Each makes the request malformed:
 * {@code 400}, with the header named.
 */
final class HeaderLines {

    /** Headers RFC 3261 §7.3.1 allows once: by their long names, compact forms folded into them. */
    private static final Map<String, String> SINGLE = Map.ofEntries(
            Map.entry("call-id", "Call-ID"),
            Map.entry("i", "Call-ID"),
            Map.entry("content-length", "Content-Length"),
            Map.entry("l", "Content-Length"),
            Map.entry("cseq", "CSeq"),
            Map.entry("from", "From"),
            Map.entry("f", "From"),
            Map.entry("to", "To"),
            Map.entry("t", "To"),
            Map.entry("max-forwards", "Max-Forwards"),
            Map.entry("content-type", "Content-Type"),
            Map.entry("c", "Content-Type"));

    /** A display name that needs no quotes: tokens and the spaces between them (RFC 3261 §25.1). */
    private static final Pattern TOKENS = Pattern.compile("[A-Za-z0-9\\-.!%*_+`'~ \\t]*");
    // Compiled once: these run on every request, and String.split or replaceAll with a pattern
    // compiles it at each call. Compiling patterns took 6 % of callgate's CPU samples at 200
    // calls/s, here and in the SDP, phone number and store tag checks.
    private static final Pattern BLANKS = Pattern.compile("[ \t]+");
    private static final Pattern CONTINUATION = Pattern.compile("\r\n[ \t]+");
    private static final Pattern LINE_END = Pattern.compile("\r\n");

    private HeaderLines() {}

    /** Why the request's header lines make it malformed, or empty when they do not. */
    static Optional<String> problem(byte[] message) {
        Map<String, Integer> seen = new HashMap<>();
        for (String line : unfolded(message)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String single = SINGLE.get(name);
            if (single == null) {
                continue;
            }
            if (seen.merge(single, 1, Integer::sum) > 1) {
                return Optional.of("Several " + single + " headers");
            }
            if ((single.equals("From") || single.equals("To")) && !quotedWhereNeeded(line.substring(colon + 1))) {
                return Optional.of(single + " display name must be quoted");
            }
        }
        return Optional.empty();
    }

    /** The SIP-Version of a request's Request-Line, as written ({@code SIP/7.0}); the RI reads every one as 2.0. */
    static String requestVersion(byte[] message) {
        String text = new String(message, 0, Math.min(message.length, 8192), StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        String[] parts = BLANKS.split((end < 0 ? text : text.substring(0, end)).strip());
        return parts[parts.length - 1];
    }

    private static boolean quotedWhereNeeded(String value) {
        String trimmed = value.strip();
        int angle = trimmed.indexOf('<');
        if (angle <= 0 || trimmed.startsWith("\"")) {
            return true;
        }
        return TOKENS.matcher(trimmed.substring(0, angle)).matches();
    }

    /** The header section's lines, continuation lines joined to theirs; the Request-Line left out. */
    private static String[] unfolded(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String headers = end < 0 ? text : text.substring(0, end);
        int first = headers.indexOf("\r\n");
        if (first < 0) {
            return new String[0];
        }
        return LINE_END.split(CONTINUATION.matcher(headers.substring(first + 2)).replaceAll(" "));
    }
}
