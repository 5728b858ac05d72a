package org.callgate.sip.sdp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites a session description so that the peer on the other leg sends its media to callgate
 * (media anchoring), and offers only what callgate relays and records: G.711 A-law and µ-law
 * (static payload types 8 and 0, RFC 3551 §6) and RFC 4733 {@code telephone-event}.
 *
 * <p>Lines that would let the peers reach each other directly, or that describe transport
 * callgate does not provide (ICE candidates, {@code a=rtcp}), are removed. Other media sections
 * are kept with port 0, so that the answer has as many {@code m=} lines as the offer (RFC 3264
 * §6).
 */
public final class SdpRewriter {

    private static final Set<String> STATIC_G711 = Set.of("0", "8");
    private static final Set<String> RELAYED_PROTOS = Set.of("RTP/AVP", "RTP/AVPF");
    private static final List<String> DROPPED_ATTRIBUTES =
            List.of("a=rtcp:", "a=candidate:", "a=ice-", "a=end-of-candidates", "a=remote-candidates", "a=rtcp-mux");

    private SdpRewriter() {}

    /**
     * The description to send on a leg whose callgate RTP address is {@code address:port}.
     *
     * @throws SdpException (not acceptable) when the description has no audio callgate can relay
     */
    public static String rewrite(Sdp sdp, InetAddress address, int port, SdpOrigin origin) throws SdpException {
        MediaDescription audio = sdp.audio().orElseThrow(() -> SdpException.notAcceptable("No audio stream in SDP"));
        if (!RELAYED_PROTOS.contains(audio.proto())) {
            throw SdpException.notAcceptable("Unsupported media transport " + audio.proto());
        }
        List<String> formats = relayedFormats(audio);
        if (formats.stream().noneMatch(STATIC_G711::contains) && audio.port() != 0) {
            throw SdpException.notAcceptable("No common codec: callgate relays PCMA and PCMU");
        }
        boolean hold = Sdp.isUnspecified(sdp.connectionAddressOf(audio));
        String connection = "c=IN " + SdpOrigin.family(address) + " " + (hold ? "0.0.0.0" : address.getHostAddress());
        StringBuilder out = new StringBuilder(512);
        for (String line : sdp.sessionLines()) {
            if (line.startsWith("o=")) {
                line = origin.next(address);
            } else if (line.startsWith("c=")) {
                line = connection;
            }
            out.append(line).append("\r\n");
        }
        for (MediaDescription section : sdp.media()) {
            if (section == audio) {
                appendAudio(out, audio, audio.port() == 0 ? 0 : port, formats, connection);
            } else {
                appendRejected(out, section, sdp.sessionConnectionAddress() == null ? connection : null);
            }
        }
        return out.toString();
    }

    private static List<String> relayedFormats(MediaDescription audio) {
        List<String> kept = new ArrayList<>();
        for (String format : audio.formats()) {
            String encoding = audio.encodingOf(format);
            boolean g711 =
                    STATIC_G711.contains(format) && (encoding == null || encoding.regionMatches(true, 0, "PCM", 0, 3));
            boolean dtmf = encoding != null && encoding.toLowerCase(Locale.ROOT).startsWith("telephone-event/8000");
            if (g711 || dtmf) {
                kept.add(format);
            }
        }
        return kept;
    }

    private static void appendAudio(
            StringBuilder out, MediaDescription audio, int port, List<String> formats, String connection) {
        out.append("m=audio ").append(port).append(' ').append(audio.proto());
        for (String format : formats.isEmpty() ? audio.formats() : formats) {
            out.append(' ').append(format);
        }
        out.append("\r\n");
        for (String line : audio.lines()) {
            if (line.startsWith("c=")) {
                out.append(connection).append("\r\n");
            } else if (keeps(line, formats)) {
                out.append(line).append("\r\n");
            }
        }
    }

    private static boolean keeps(String line, List<String> formats) {
        if (DROPPED_ATTRIBUTES.stream().anyMatch(line::startsWith)) {
            return false;
        }
        for (String prefix : List.of("a=rtpmap:", "a=fmtp:", "a=rtcp-fb:")) {
            if (line.startsWith(prefix)) {
                String format = line.substring(prefix.length()).split(" ", 2)[0];
                return formats.contains(format);
            }
        }
        return true;
    }

    private static void appendRejected(StringBuilder out, MediaDescription section, String connection) {
        out.append("m=").append(section.type()).append(" 0 ").append(section.proto());
        for (String format : section.formats()) {
            out.append(' ').append(format);
        }
        out.append("\r\n");
        if (connection != null) {
            out.append(connection).append("\r\n"); // every section needs a c= (RFC 8866 §5.7)
        }
    }
}
