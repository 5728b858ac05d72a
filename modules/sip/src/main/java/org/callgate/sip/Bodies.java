package org.callgate.sip;

import java.nio.charset.StandardCharsets;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;

/** Small helpers for message bodies. */
final class Bodies {

    private Bodies() {}

    static boolean isSdp(Message message) {
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        return type != null
                && "application".equalsIgnoreCase(type.getContentType())
                && "sdp".equalsIgnoreCase(type.getContentSubType());
    }

    /** The body as text when it is SDP, else null. */
    static String sdpOf(Message message) {
        byte[] raw = message.getRawContent();
        if (raw == null || raw.length == 0 || !isSdp(message)) {
            return null;
        }
        return new String(raw, StandardCharsets.UTF_8);
    }
}
