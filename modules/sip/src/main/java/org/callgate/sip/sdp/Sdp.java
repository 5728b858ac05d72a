package org.callgate.sip.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed session description (RFC 8866), kept as lines so that everything callgate does not
 * rewrite passes through unchanged.
 *
 * <p>Only the structure is checked: version, origin, session name, timing, a connection address
 * for every media section and well-formed {@code m=} lines. Addresses must be IP literals; a host
 * name in {@code c=} would make callgate resolve names for every call.
 */
public final class Sdp {

    // Compiled once: every offer and answer is parsed.
    private static final Pattern LINES = Pattern.compile("\r?\n");
    private static final Pattern SPACES = Pattern.compile(" +");

    private final List<String> sessionLines;
    private final List<MediaDescription> media;

    private Sdp(List<String> sessionLines, List<MediaDescription> media) {
        this.sessionLines = List.copyOf(sessionLines);
        this.media = List.copyOf(media);
    }

    public static Sdp parse(String text) throws SdpException {
        if (text == null || text.isBlank()) {
            throw SdpException.malformed("empty body");
        }
        List<String> session = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        List<String> current = null;
        String[] mLine = null;
        for (String raw : LINES.split(text)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw SdpException.malformed("line is not <type>=<value>: '" + abbreviate(line) + "'");
            }
            if (line.startsWith("m=")) {
                if (current != null) {
                    media.add(media(mLine, current));
                }
                mLine = SPACES.split(line.substring(2).trim());
                current = new ArrayList<>();
            } else if (current != null) {
                current.add(line);
            } else {
                session.add(line);
            }
        }
        if (current != null) {
            media.add(media(mLine, current));
        }
        Sdp sdp = new Sdp(session, media);
        sdp.validate();
        return sdp;
    }

    public List<String> sessionLines() {
        return sessionLines;
    }

    public List<MediaDescription> media() {
        return media;
    }

    /** The first audio section, if any. */
    public Optional<MediaDescription> audio() {
        return media.stream().filter(m -> m.type().equals("audio")).findFirst();
    }

    /** The session-level {@code c=} address, or null. */
    public String sessionConnectionAddress() {
        return sessionLines.stream()
                .filter(l -> l.startsWith("c="))
                .map(Sdp::addressOf)
                .findFirst()
                .orElse(null);
    }

    /** The address the section's media is sent from and received on. */
    public String connectionAddressOf(MediaDescription section) {
        String own = section.connectionAddress();
        return own != null ? own : sessionConnectionAddress();
    }

    /**
     * Where to send the audio, or null when the stream is disabled (port 0) or on hold with the
     * RFC 2543 {@code c=0.0.0.0} convention.
     */
    public InetSocketAddress audioTarget() {
        MediaDescription audio = audio().orElse(null);
        if (audio == null || audio.port() == 0) {
            return null;
        }
        String address = connectionAddressOf(audio);
        if (isUnspecified(address)) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.ofLiteral(address), audio.port());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isUnspecified(String address) {
        return address == null || address.equals("0.0.0.0") || address.equals("::");
    }

    static String addressOf(String cLine) {
        String[] parts = SPACES.split(cLine.substring(2).trim());
        if (parts.length < 3) {
            return null;
        }
        String address = parts[2];
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    private void validate() throws SdpException {
        requireFirst("v=0");
        requireSession("o=", "origin");
        requireSession("s=", "session name");
        requireSession("t=", "timing");
        if (media.isEmpty()) {
            throw SdpException.malformed("no media description (m=)");
        }
        for (MediaDescription section : media) {
            String address = connectionAddressOf(section);
            if (address == null) {
                throw SdpException.malformed("no connection address (c=) for m=" + section.type());
            }
            checkLiteral(address);
        }
    }

    private void requireFirst(String line) throws SdpException {
        if (sessionLines.isEmpty() || !sessionLines.get(0).equals(line)) {
            throw SdpException.malformed("first line must be v=0");
        }
    }

    private void requireSession(String prefix, String what) throws SdpException {
        if (sessionLines.stream().noneMatch(l -> l.startsWith(prefix))) {
            throw SdpException.malformed("no " + what + " (" + prefix + ")");
        }
    }

    private static void checkLiteral(String address) throws SdpException {
        try {
            InetAddress.ofLiteral(address);
        } catch (IllegalArgumentException e) {
            throw SdpException.malformed("connection address is not an IP literal: '" + abbreviate(address) + "'");
        }
    }

    private static MediaDescription media(String[] m, List<String> lines) throws SdpException {
        if (m.length < 4) {
            throw SdpException.malformed("m= line needs <media> <port> <proto> <fmt>");
        }
        int port;
        try {
            String portText = m[1].contains("/") ? m[1].substring(0, m[1].indexOf('/')) : m[1];
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw SdpException.malformed("m= port is not a number: '" + abbreviate(m[1]) + "'");
        }
        if (port < 0 || port > 65535) {
            throw SdpException.malformed("m= port out of range: " + port);
        }
        return new MediaDescription(m[0], port, m[2], List.of(m).subList(3, m.length), lines);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    static InetAddress literal(String address) throws UnknownHostException {
        return InetAddress.ofLiteral(address);
    }
}
