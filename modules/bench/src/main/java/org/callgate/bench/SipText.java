package org.callgate.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/** Just enough SIP text handling for {@link IvrLoad}'s callers and agent: headers, replies, SDP. */
final class SipText {

    private SipText() {}

    static String header(String message, String name, String compact) {
        String value = headerOrNull(message, name, compact);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }

    static String headerOrNull(String message, String name, String compact) {
        int end = message.indexOf("\r\n\r\n");
        for (String line :
                message.substring(0, end < 0 ? message.length() : end).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String n = line.substring(0, colon).trim();
            if (n.equalsIgnoreCase(name) || (compact != null && n.equalsIgnoreCase(compact))) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** A response copying Via, From, To (with a tag), Call-ID and CSeq from the request. */
    static String reply(String request, int status, String toTag, String sdp, int contactPort) {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append(" OK\r\n");
        for (String line : request.substring(0, request.indexOf("\r\n\r\n")).split("\r\n")) {
            String name = line.contains(":")
                    ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT)
                    : "";
            switch (name) {
                case "via", "v", "from", "f", "call-id", "i", "cseq" ->
                    b.append(line).append("\r\n");
                case "to", "t" -> {
                    b.append(line);
                    if (toTag != null && !line.contains(";tag=")) {
                        b.append(";tag=").append(toTag);
                    }
                    b.append("\r\n");
                }
                default -> {}
            }
        }
        b.append("Contact: <sip:agent@127.0.0.1:").append(contactPort).append(">\r\n");
        if (!sdp.isEmpty()) {
            b.append("Content-Type: application/sdp\r\n");
        }
        b.append("Content-Length: ").append(sdp.length()).append("\r\n\r\n").append(sdp);
        return b.toString();
    }

    static InetSocketAddress sdpAddress(String sdp) {
        String host = "127.0.0.1";
        int port = -1;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("c=IN IP4 ")) {
                host = line.substring(9).trim();
            } else if (line.startsWith("m=audio ")) {
                port = Integer.parseInt(line.split(" ")[1]);
            }
        }
        return new InetSocketAddress(host, port);
    }

    /**
     * Reads SIP messages from {@code socket} and hands each to {@code handler} until the socket
     * is closed; a handler failing on one message (malformed, unexpected) does not stop the loop.
     */
    static void serve(DatagramSocket socket, BiConsumer<String, InetSocketAddress> handler) {
        byte[] buffer = new byte[65535];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException closed) {
                return;
            }
            String message = new String(buffer, 0, packet.getLength(), US_ASCII);
            try {
                handler.accept(message, (InetSocketAddress) packet.getSocketAddress());
            } catch (RuntimeException e) {
                // keep serving
            }
        }
    }

    static String branch() {
        return "z9hG4bK-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    static void send(DatagramSocket socket, String message, InetSocketAddress to) {
        byte[] bytes = message.getBytes(US_ASCII);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            if (!socket.isClosed()) {
                throw new IllegalStateException(e);
            }
        }
    }
}
