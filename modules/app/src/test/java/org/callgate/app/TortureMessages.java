package org.callgate.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends RFC 4475's torture messages to the gateway as their top Via says (UDP datagrams, or a TCP
 * connection for {@code SIP/2.0/TCP} and {@code TLS}) and reads the response that belongs to each:
 * the one with the message's Call-ID, or its CSeq where it has no Call-ID. Retransmitted responses
 * of earlier messages are skipped by that match. Responses to a Via without a port go to port 5060
 * (RFC 3261 §18.2.2), so the UDP socket is bound there.
 */
final class TortureMessages implements AutoCloseable {

    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:call-id|i)[ \\t]*:[ \\t]*(\\S+)");
    private static final Pattern CSEQ = Pattern.compile("(?im)^cseq[ \\t]*:[ \\t]*([^\\r\\n]+)");
    private static final Pattern TOP_VIA_TRANSPORT = Pattern.compile(
            "(?im)^(?:via|v)[ \\t]*:[ \\t]*SIP[ \\t\\r\\n]*/[ \\t\\r\\n]*2\\.0[ \\t\\r\\n]*/[ \\t\\r\\n]*([A-Z]+)");

    private final int port;
    private final DatagramSocket udp;

    TortureMessages(int port, DatagramSocket udp) {
        this.port = port;
        this.udp = udp;
    }

    /** The status line of the response to {@code message}, or empty when none came within {@code wait}. */
    Optional<String> exchange(byte[] message, Duration wait) throws IOException {
        return exchange(message, wait, key(new String(message, StandardCharsets.ISO_8859_1)));
    }

    /** The status line of the response to {@code message} that holds {@code key} (a Call-ID). */
    Optional<String> exchange(byte[] message, Duration wait, String key) throws IOException {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        Matcher transport = TOP_VIA_TRANSPORT.matcher(text);
        if (transport.find() && !transport.group(1).equals("UDP")) {
            return overTcp(message, key, wait);
        }
        udp.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(), port));
        return overUdp(key, wait);
    }

    private Optional<String> overUdp(String key, Duration wait) throws IOException {
        byte[] buffer = new byte[65_536];
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            udp.setSoTimeout((int) Math.max(1, Math.min(250, (deadline - System.nanoTime()) / 1_000_000)));
            try {
                udp.receive(packet);
            } catch (SocketTimeoutException quiet) {
                continue;
            }
            String response = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            if (response.startsWith("SIP/2.0 ") && response.contains(key) && finalStatus(response)) {
                return Optional.of(response.lines().findFirst().orElse(""));
            }
        }
        return Optional.empty();
    }

    private Optional<String> overTcp(byte[] message, String key, Duration wait) throws IOException {
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port)) {
            tcp.setSoTimeout((int) wait.toMillis());
            tcp.getOutputStream().write(message);
            StringBuilder read = new StringBuilder();
            InputStream in = tcp.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    read.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    for (String response : read.toString().split("(?=SIP/2\\.0 [0-9]{3} )")) {
                        if (response.startsWith("SIP/2.0 ") && response.contains(key) && finalStatus(response)) {
                            return Optional.of(response.lines().findFirst().orElse(""));
                        }
                    }
                }
            } catch (SocketTimeoutException quiet) {
                // nothing more came
            }
            return Optional.empty();
        }
    }

    private static boolean finalStatus(String response) {
        return response.length() > 9 && response.charAt(8) != '1';
    }

    private static String key(String message) {
        Matcher callId = CALL_ID.matcher(message);
        if (callId.find()) {
            String value = callId.group(1);
            int at = value.indexOf('@');
            return at > 0 ? value.substring(0, at) : value; // a message with two Call-IDs differs after '@'
        }
        Matcher cseq = CSEQ.matcher(message);
        return cseq.find() ? cseq.group(1) : message.lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        udp.close();
    }
}
