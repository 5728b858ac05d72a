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

    RawCaller(int gatewayPort) throws IOException {
        this.gatewayPort = gatewayPort;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        this.sip = new DatagramSocket(loopback);
        this.rtp = new DatagramSocket(loopback);
        sip.setSoTimeout(5000);
    }

    /** Sends INVITE with a PCMA offer and ACKs the 200; returns callgate's answer. */
    String call(String dialled) throws IOException {
        String sdp = "v=0\r\no=raw 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtp.getLocalPort() + " RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n";
        send(request("INVITE", dialled, "<sip:" + dialled + "@127.0.0.1>", 1,
                "Content-Type: application/sdp\r\n", sdp));
        while (true) {
            String response = receive();
            int status = Integer.parseInt(response.substring(8, 11));
            if (status >= 200) {
                if (status != 200) {
                    throw new IOException("call refused: " + response.lines().findFirst().orElse(""));
                }
                toWithTag = header(response, "To");
                send(request("ACK", dialled, toWithTag, 1, "", ""));
                return response.substring(response.indexOf("\r\n\r\n") + 4);
            }
        }
    }

    /** Ends the call with BYE. */
    void hangUp(String dialled) throws IOException {
        send(request("BYE", dialled, toWithTag, 2, "", ""));
    }

    /** The RTP socket, to read what callgate plays. */
    DatagramSocket rtp() {
        return rtp;
    }

    private String request(String method, String dialled, String to, int cseq, String headers, String body) {
        return method + " sip:" + dialled + "@127.0.0.1:" + gatewayPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=z9hG4bK-" + UUID.randomUUID() + ";rport\r\n"
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
