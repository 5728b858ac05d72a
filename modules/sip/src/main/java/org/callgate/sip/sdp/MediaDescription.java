package org.callgate.sip.sdp;

import java.util.List;

/**
 * One {@code m=} section of a session description (RFC 8866 §5.14) with the lines that follow
 * it.
 *
 * @param type media type ({@code audio}, {@code video}, ...)
 * @param port transport port; 0 means the stream is rejected or disabled (RFC 3264 §6)
 * @param proto transport protocol ({@code RTP/AVP})
 * @param formats payload types in preference order
 * @param lines the {@code c=}, {@code b=} and {@code a=} lines of the section, verbatim
 */
public record MediaDescription(String type, int port, String proto, List<String> formats, List<String> lines) {

    public MediaDescription {
        formats = List.copyOf(formats);
        lines = List.copyOf(lines);
    }

    /** The section's own {@code c=} address, or null when it inherits the session's. */
    public String connectionAddress() {
        return lines.stream()
                .filter(line -> line.startsWith("c="))
                .map(Sdp::addressOf)
                .findFirst()
                .orElse(null);
    }

    /** The encoding name of a payload type from its {@code a=rtpmap} line, or null. */
    public String encodingOf(String payloadType) {
        String prefix = "a=rtpmap:" + payloadType + " ";
        return lines.stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).trim())
                .findFirst()
                .orElse(null);
    }
}
