package org.callgate.app;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal SIP caller over UDP with its own RTP socket, for tests that must look inside the
 * audio callgate sends (SIPp plays RTP but cannot hand received packets to a test).
 */
final class RawCaller implements AutoCloseable {

    private final DatagramSocket sip;
    private final DatagramSocket rtp;
    private final int gatewayPort;
    private final String callId = UUID.randomUUID().toString();
    private String toWithTag;
    /** The route set and remote target of the dialog, when a proxy record-routed it (RFC 3261 §12.1.2). */
    private java.util.List<String> routes = java.util.List.of();

    private String remoteTarget;
    private int cseq = 1;
    private InetSocketAddress gatewayRtp;
    private final int ssrc = 0x5EED0001;
    private int rtpSequence;
    private int rtpTimestamp = 8000;

    RawCaller(int gatewayPort) throws IOException {
        this.gatewayPort = gatewayPort;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        this.sip = new DatagramSocket(loopback);
        this.rtp = new DatagramSocket(loopback);
        sip.setSoTimeout(5000);
    }

    /** Sends INVITE with a PCMA offer and ACKs the 200; returns callgate's answer. */
    String call(String dialled) throws IOException {
        String sdp = offer("sendrecv");
        send(request(
                "INVITE", dialled, "<sip:" + dialled + "@127.0.0.1>", 1, "Content-Type: application/sdp\r\n", sdp));
        while (true) {
            String response = receive();
            int status = Integer.parseInt(response.substring(8, 11));
            if (status >= 200) {
                if (status != 200) {
                    throw new IOException(
                            "call refused: " + response.lines().findFirst().orElse(""));
                }
                toWithTag = header(response, "To");
                routes = recordRoutes(response);
                remoteTarget = routes.isEmpty() ? null : contactUri(response);
                send(request("ACK", dialled, toWithTag, 1, "", ""));
                String answer = response.substring(response.indexOf("\r\n\r\n") + 4);
                gatewayRtp = audioTarget(answer);
                return answer;
            }
        }
    }

    /**
     * Sends a re-INVITE offering audio in {@code direction} ({@code sendonly} holds, {@code
     * sendrecv} resumes), acknowledges a 200 and returns callgate's final response.
     */
    String reInvite(String dialled, String direction) throws IOException {
        int sequence = ++cseq;
        send(request("INVITE", dialled, toWithTag, sequence, "Content-Type: application/sdp\r\n", offer(direction)));
        while (true) {
            String message = receive();
            if (!message.startsWith("SIP/2.0 ") || !header(message, "CSeq").equals(sequence + " INVITE")) {
                continue; // a response to an earlier INFO, say
            }
            int status = Integer.parseInt(message.substring(8, 11));
            if (status >= 200) {
                if (status < 300) {
                    send(request("ACK", dialled, toWithTag, sequence, "", ""));
                }
                return message;
            }
        }
    }

    private String offer(String direction) {
        return "v=0\r\no=raw 1 " + cseq + " IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtp.getLocalPort() + " RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=" + direction + "\r\n";
    }

    /** Ends the call with BYE. */
    void hangUp(String dialled) throws IOException {
        send(request("BYE", dialled, toWithTag, ++cseq, "", ""));
    }

    /** Ends the call with BYE and returns the status line of its final answer, such as {@code 200 OK}. */
    String hangUpAnswered(String dialled) throws IOException {
        int sequence = ++cseq;
        send(request("BYE", dialled, toWithTag, sequence, "", ""));
        while (true) {
            String message = receive();
            if (message.startsWith("SIP/2.0 ") && header(message, "CSeq").equals(sequence + " BYE")) {
                String status = message.substring("SIP/2.0 ".length(), message.indexOf("\r\n"));
                if (!status.startsWith("1")) {
                    return status;
                }
            }
        }
    }

    /**
     * Presses a key as RFC 4733 telephone-events (payload type 101, as offered): three updates,
     * then the end packet three times (§2.5.1.4), all with the event's start timestamp.
     */
    void pressRfc4733(char key) throws IOException {
        int event = "0123456789*#".indexOf(key);
        rtpTimestamp += 1600; // a new event starts 200 ms after the last one
        for (int i = 0; i < 6; i++) {
            boolean end = i >= 3;
            int duration = 400 * Math.min(i + 1, 4);
            byte[] packet = new byte[16];
            packet[0] = (byte) 0x80;
            packet[1] = (byte) ((i == 0 ? 0x80 : 0) | 101);
            packet[2] = (byte) (rtpSequence >> 8);
            packet[3] = (byte) rtpSequence++;
            putInt(packet, 4, rtpTimestamp);
            putInt(packet, 8, ssrc);
            packet[12] = (byte) event;
            packet[13] = (byte) ((end ? 0x80 : 0) | 10);
            packet[14] = (byte) (duration >> 8);
            packet[15] = (byte) duration;
            rtp.send(new DatagramPacket(packet, packet.length, gatewayRtp));
        }
    }

    /** Presses a key as SIP INFO with an {@code application/dtmf-relay} body; its 200 is read by {@link #awaitBye}. */
    void pressInfo(String dialled, char key) throws IOException {
        send(request(
                "INFO",
                dialled,
                toWithTag,
                ++cseq,
                "Content-Type: application/dtmf-relay\r\n",
                "Signal=" + key + "\r\nDuration=160\r\n"));
    }

    /**
     * Waits for callgate's BYE, answers it 200 OK and returns it; responses on the way (to INFO)
     * are checked and skipped.
     */
    String awaitBye(java.time.Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String message;
            try {
                message = receive();
            } catch (IOException noMessageYet) {
                continue;
            }
            if (message.startsWith("SIP/2.0 ")) {
                if (!message.startsWith("SIP/2.0 200")) {
                    throw new IOException("unexpected response: "
                            + message.lines().findFirst().orElse(""));
                }
                continue;
            }
            if (message.startsWith("BYE ")) {
                send("SIP/2.0 200 OK\r\nVia: " + header(message, "Via") + "\r\nFrom: " + header(message, "From")
                        + "\r\nTo: " + header(message, "To") + "\r\nCall-ID: " + header(message, "Call-ID")
                        + "\r\nCSeq: " + header(message, "CSeq") + "\r\nContent-Length: 0\r\n\r\n");
                return message;
            }
        }
        throw new IOException("no BYE from callgate within " + within);
    }

    /** The RTP socket, to read what callgate plays. */
    DatagramSocket rtp() {
        return rtp;
    }

    private String request(String method, String dialled, String to, int cseq, String headers, String body) {
        boolean routed = remoteTarget != null && to.contains(";tag=");
        String target = routed ? remoteTarget : "sip:" + dialled + "@127.0.0.1:" + gatewayPort;
        String route = routed ? "Route: " + String.join(", ", routes) + "\r\n" : "";
        return method + " " + target + " SIP/2.0\r\n" + route
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=z9hG4bK-" + UUID.randomUUID()
                + ";rport\r\n"
                + "From: <sip:0475123456@127.0.0.1>;tag=raw\r\nTo: " + to + "\r\nCall-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:raw@127.0.0.1:" + sip.getLocalPort() + ">\r\n" + headers
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        sip.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), gatewayPort));
    }

    private String receive() throws IOException {
        byte[] buffer = new byte[8192];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            sip.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new IOException("no SIP response from callgate", e);
        }
        return new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII);
    }

    /** The Record-Route entries of a response, in the reverse order: a UAC's route set (RFC 3261 §12.1.2). */
    private static java.util.List<String> recordRoutes(String response) {
        java.util.List<String> entries = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("(?m)^Record-Route: ([^\r\n]*)").matcher(response);
        while (m.find()) {
            for (String entry : m.group(1).split(",")) {
                entries.add(entry.strip());
            }
        }
        java.util.Collections.reverse(entries);
        return entries;
    }

    private static String contactUri(String response) {
        String contact = header(response, "Contact");
        int open = contact.indexOf('<');
        return open < 0 ? contact.strip() : contact.substring(open + 1, contact.indexOf('>', open));
    }

    private static InetSocketAddress audioTarget(String sdp) {
        Matcher address = Pattern.compile("(?m)^c=IN IP4 ([0-9.]+)").matcher(sdp);
        Matcher port = Pattern.compile("(?m)^m=audio (\\d+) ").matcher(sdp);
        if (!address.find() || !port.find()) {
            throw new IllegalStateException("no audio address in " + sdp);
        }
        return new InetSocketAddress(address.group(1), Integer.parseInt(port.group(1)));
    }

    private static void putInt(byte[] to, int at, int value) {
        to[at] = (byte) (value >> 24);
        to[at + 1] = (byte) (value >> 16);
        to[at + 2] = (byte) (value >> 8);
        to[at + 3] = (byte) value;
    }

    private static String header(String message, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": ([^\r\n]*)").matcher(message);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " header in " + message);
        }
        return m.group(1);
    }

    @Override
    public void close() {
        sip.close();
        rtp.close();
    }
}
