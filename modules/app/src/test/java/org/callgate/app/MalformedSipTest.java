package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input from the network (in the spirit of RFC 4475): each message gets the answer RFC 3261
 * asks for, or none where no answer is possible, and callgate keeps answering OPTIONS after
 * every one of them.
 */
class MalformedSipTest {

    @TempDir
    static Path dir;

    /** How long an answer may take on a busy machine: waited for, not slept. */
    private static final Duration ANSWER = Duration.ofSeconds(15);
    /** How long a message that must get no answer is given to get one anyway. */
    private static final Duration SILENCE = Duration.ofMillis(1500);

    private static GatewayFixture callgate;
    private static DatagramSocket udp;

    @BeforeAll
    static void start() throws Exception {
        callgate = GatewayFixture.start(dir);
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void stop() {
        udp.close();
        callgate.close();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bad CSeq number          | 400 Bad Request (CSeq: abc OPTIONS :Number format exception)",
                "broken From URI          | 400 Bad Request (From: <sip:@@@>;tag=1 : Missing host name)",
                "missing CSeq             | 400 Missing CSeq Header",
                "missing Call-ID          | 400 Missing Call-ID Header",
                "missing Via              | (no answer)",
                "garbage bytes            | (no answer)",
                "oversized request        | 513 Message Too Large (limit 16384 bytes)",
                "60 KB INVITE body        | 513 Message Too Large (limit 16384 bytes)",
                "unknown method           | 405 Method not allowed",
                "INVITE with broken SDP   | 400 Malformed SDP: no connection address (c=) for m=audio",
                "INVITE with a text body  | 415 Only application/sdp bodies are accepted",
                "INVITE with G.729 only   | 488 No common codec: callgate relays PCMA and PCMU",
                "INVITE, Max-Forwards 0   | 483 Too many hops",
                "BYE for an unknown call  | 481 Call leg/Transaction does not exist",
                "INFO outside a dialog    | 481 Call leg/Transaction does not exist"
            })
    void aMalformedRequestGetsItsAnswerAndTheGatewayKeepsServing(String kind, String expected) throws Exception {
        String answer = exchange(malformed(kind.strip()), expected.strip().equals("(no answer)") ? SILENCE : ANSWER);

        assertThat(answer).isEqualTo(expected.strip());
        assertThat(exchange(request("OPTIONS", "", ""))).isEqualTo("200 OK");
    }

    @ParameterizedTest(name = "over TCP: {0}")
    @CsvSource(
            delimiter = '|',
            value = {"missing CSeq | 400 Missing CSeq Header", "unknown method | 405 Method not allowed"})
    void overTcpTheAnswerIsTheSame(String kind, String expected) throws Exception {
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), callgate.sipPort)) {
            tcp.setSoTimeout((int) ANSWER.toMillis());
            String message = malformed(kind.strip())
                    .replace("SIP/2.0/UDP", "SIP/2.0/TCP")
                    .replace("127.0.0.1:" + udp.getLocalPort(), "127.0.0.1:" + tcp.getLocalPort());
            tcp.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[4096];
            int read = tcp.getInputStream().read(buffer);
            assertThat(statusOf(new String(buffer, 0, read, StandardCharsets.UTF_8)))
                    .isEqualTo(expected.strip());
        }
        assertThat(exchange(request("OPTIONS", "", ""))).isEqualTo("200 OK");
    }

    private String malformed(String kind) {
        String sdp =
                "v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 8\r\n";
        return switch (kind) {
            case "bad CSeq number" -> request("OPTIONS", "", "").replace("CSeq: 1 OPTIONS", "CSeq: abc OPTIONS");
            case "broken From URI" -> request("OPTIONS", "", "").replaceAll("From: [^\r]*", "From: <sip:@@@>;tag=1");
            case "missing CSeq" -> request("OPTIONS", "", "").replace("CSeq: 1 OPTIONS\r\n", "");
            case "missing Call-ID" -> request("OPTIONS", "", "").replaceAll("Call-ID: [^\r]*\r\n", "");
            case "missing Via" -> request("OPTIONS", "", "").replaceAll("Via: [^\r]*\r\n", "");
            case "garbage bytes" -> "\u0000\u0001garbage\u00ff".repeat(30);
            case "oversized request" -> request("OPTIONS", "X-Padding: " + "a".repeat(20_000) + "\r\n", "");
            case "60 KB INVITE body" ->
                request(
                        "INVITE",
                        "Content-Type: application/sdp\r\n",
                        sdp + "a=x-padding:" + "b".repeat(60_000) + "\r\n");
            case "unknown method" -> request("XYZ", "", "");
            case "INVITE with broken SDP" ->
                request("INVITE", "Content-Type: application/sdp\r\n", sdp.replace("c=IN IP4 127.0.0.1\r\n", ""));
            case "INVITE with a text body" -> request("INVITE", "Content-Type: text/plain\r\n", "hello");
            case "INVITE with G.729 only" ->
                request("INVITE", "Content-Type: application/sdp\r\n", sdp.replace("RTP/AVP 8", "RTP/AVP 18"));
            case "INVITE, Max-Forwards 0" -> request("INVITE", "", "").replace("Max-Forwards: 70", "Max-Forwards: 0");
            case "BYE for an unknown call" ->
                request("BYE", "", "")
                        .replace("To: <sip:022785044@127.0.0.1>", "To: <sip:022785044@127.0.0.1>;tag=gone");
            case "INFO outside a dialog" -> request("INFO", "", "");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private String request(String method, String headers, String body) {
        String branch = "z9hG4bK-" + UUID.randomUUID();
        return method + " sip:022785044@127.0.0.1:" + callgate.sipPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + udp.getLocalPort() + ";branch=" + branch + ";rport\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=p1\r\n"
                + "To: <sip:022785044@127.0.0.1>\r\n"
                + "Call-ID: " + UUID.randomUUID() + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "Contact: <sip:probe@127.0.0.1:" + udp.getLocalPort() + ">\r\n"
                + headers
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /**
     * Sends one datagram and returns the status line of its final answer, or "(no answer)".
     * Answers to earlier requests (an INVITE's final response is retransmitted until ACKed,
     * RFC 3261 §17.2.1) are told apart by the Via branch.
     */
    private String exchange(String message) throws IOException {
        return exchange(message, ANSWER);
    }

    /** {@link #exchange(String)}, giving up after {@code wait} without a final answer. */
    private String exchange(String message, Duration wait) throws IOException {
        java.util.regex.Matcher branch =
                java.util.regex.Pattern.compile("branch=([^;\\r]+)").matcher(message);
        String ours = branch.find() ? branch.group(1) : null;
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), callgate.sipPort));
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return "(no answer)";
            }
            udp.setSoTimeout((int) left);
            try {
                udp.receive(packet);
            } catch (SocketTimeoutException silence) {
                return "(no answer)";
            }
            String response = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
            String status = statusOf(response);
            if (ours != null && response.contains("branch=" + ours) && !status.startsWith("1")) {
                return status;
            }
        }
    }

    private static String statusOf(String response) {
        String firstLine = response.substring(0, response.indexOf("\r\n"));
        return firstLine.substring("SIP/2.0 ".length());
    }
}
