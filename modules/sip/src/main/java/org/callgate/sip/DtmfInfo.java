package org.callgate.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import org.callgate.core.ivr.Dtmf;

/**
 * Reads a DTMF key from a SIP INFO body: {@code application/dtmf-relay} ({@code Signal=5},
 * {@code Duration=160}) or {@code application/dtmf} (the key alone). Many PBXs and carriers send
 * keys this way instead of RFC 4733 events.
 */
final class DtmfInfo {

    private DtmfInfo() {}

    /** The key, or 0 when the body is not a DTMF INFO. */
    static char keyOf(Request info) {
        ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
        byte[] raw = info.getRawContent();
        if (type == null || raw == null || !"application".equalsIgnoreCase(type.getContentType())) {
            return 0;
        }
        String body = new String(raw, StandardCharsets.US_ASCII).trim();
        String subtype = type.getContentSubType().toLowerCase(Locale.ROOT);
        String value = switch (subtype) {
            case "dtmf-relay" -> signal(body);
            case "dtmf" -> body;
            default -> "";
        };
        return value.length() == 1 && Dtmf.isSymbol(value.charAt(0)) ? value.charAt(0) : 0;
    }

    private static String signal(String body) {
        for (String line : body.split("\r?\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).trim().equalsIgnoreCase("Signal")) {
                return line.substring(equals + 1).trim();
            }
        }
        return "";
    }
}
