package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The torture messages of RFC 4475 §3.1, each from the RFC's own bytes ({@code rfc4475/*.dat},
 * extracted from the RFC's §4.2 archive), sent to one gateway one after the other as their Via
 * says: each gets the response class the RFC expects (or, for a response, none), and the gateway
 * answers OPTIONS after every one of them. Where the RFC allows an element to be liberal (say
 * extra spaces in the Request-Line), any final response that is not an error of the message
 * itself is accepted and the table says so. callgate is no registrar, so a REGISTER gets 405
 * whatever it holds. cparam02 shares its branch, sent-by and method with cparam01, which makes it
 * a retransmission of that one by RFC 3261 §17.2.3 when both arrive within a transaction's life:
 * it is tried on a gateway of its own.
 */
class Rfc4475TortureTest {

    private static final Duration ANSWER = Duration.ofSeconds(10);
    /** How long a message that must get no answer is given to get one anyway. */
    private static final Duration SILENCE = Duration.ofSeconds(1);

    @TempDir
    static Path dir;

    private static GatewayFixture callgate;
    private static TortureMessages messages;
    private static DatagramSocket udp;

    @BeforeAll
    static void start() throws Exception {
        callgate = GatewayFixture.start(dir);
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 5060));
        messages = new TortureMessages(callgate.sipPort, udp);
    }

    @AfterAll
    static void stop() {
        if (messages != null) {
            messages.close();
        }
        callgate.close();
    }

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // §3.1.1 valid messages: processed, a final response that is not 400
                "wsinv      | 3.1.1.1   | processed | 481",
                "intmeth    | 3.1.1.2   | 501       | 405 or 501",
                "esc01      | 3.1.1.3   | processed | 404",
                "escnull    | 3.1.1.4   | processed | 405",
                "esc02      | 3.1.1.5   | 501       | 405 or 501",
                "lwsdisp    | 3.1.1.6   | 200       | 200",
                "longreq    | 3.1.1.7   | processed | 404",
                "dblreq     | 3.1.1.8   | processed | 405",
                "semiuri    | 3.1.1.9   | 200       | 200",
                "transports | 3.1.1.10  | 200       | 200",
                "mpart01    | 3.1.1.11  | processed | 405",
                "unreason   | 3.1.1.12  | response  | none",
                "noreason   | 3.1.1.13  | response  | none",
                // §3.1.2 invalid messages
                "badinv01   | 3.1.2.1   | 400       | 400",
                "clerr      | 3.1.2.2   | 400       | 400",
                "scalar02   | 3.1.2.3   | 400       | 400",
                "scalarlg   | 3.1.2.4   | response  | none",
                "quotbal    | 3.1.2.5   | 400       | 400",
                "ltgtruri   | 3.1.2.6   | 400       | 400",
                "lwsruri    | 3.1.2.7   | 400       | 400",
                "lwsstart   | 3.1.2.8   | liberal   | 404",
                "trws       | 3.1.2.9   | liberal   | 200",
                "escruri    | 3.1.2.10  | liberal   | 404",
                "baddate    | 3.1.2.11  | liberal   | 404",
                "regbadct   | 3.1.2.12  | 4xx       | 400 or 405",
                "badaspec   | 3.1.2.13  | liberal   | 200",
                "baddn      | 3.1.2.14  | 400       | 400",
                "badvers    | 3.1.2.15  | 505       | 505",
                "mismatch01 | 3.1.2.16  | 400       | 400",
                "mismatch02 | 3.1.2.17  | 501       | 400 or 501",
                "bigcode    | 3.1.2.18  | response  | none",
                "badbranch  | 3.1.2.19  | liberal   | 200",
                // §3.2 transaction layer semantics
                "zeromf     | 3.2.1     | 200       | 200",
                // §3.3 application layer semantics
                "cparam01   | 3.3.1     | processed | 405",
                "regescrt   | 3.3.3     | processed | 405",
                "sdp01      | 3.3.4     | processed | 404",
                "inv2543    | 3.3.5     | processed | 404",
                "insuf      | 3.3.6     | 400       | 400",
                "unkscm     | 3.3.7     | 416       | 416",
                "novelsc    | 3.3.8     | 416       | 416",
                "unksm2     | 3.3.9     | processed | 405",
                "bext01     | 3.3.10    | 420       | 420",
                "invut      | 3.3.11    | 415       | 415",
                "regaut01   | 3.3.12    | processed | 405",
                "multi01    | 3.3.13    | 400       | 400",
                "mcl01      | 3.3.14    | 400       | 400",
                "bcast      | 3.3.15    | response  | none",
                "ncl        | 3.3.16    | 400       | 400"
            })
    void eachTortureMessageGetsTheAnswerTheRfcExpects(String name, String section, String rfc, String expected)
            throws Exception {
        Optional<String> answer = messages.exchange(bytes(name), expected.equals("none") ? SILENCE : ANSWER);

        if (expected.equals("none")) {
            assertThat(answer).as("a stray response is dropped").isEmpty();
        } else {
            assertThat(answer).as("the answer to %s", name).isPresent();
            assertThat(answer.get().substring(8, 11)).as(answer.get()).isIn((Object[]) expected.split(" or "));
        }
        assertThat(messages.exchange(ping(name), ANSWER))
                .as("OPTIONS after " + name)
                .hasValue("SIP/2.0 200 OK");
    }

    @org.junit.jupiter.api.Test
    void cparam02AloneIsProcessedAndCparam01RightAfterItIsItsRetransmission(@TempDir Path own) throws Exception {
        try (GatewayFixture fresh = GatewayFixture.start(own)) {
            TortureMessages alone = new TortureMessages(fresh.sipPort, udp);
            assertThat(alone.exchange(bytes("cparam02"), ANSWER)).hasValue("SIP/2.0 405 Method not allowed");
            // same branch, sent-by and method (RFC 3261 §17.2.3): the answer to cparam02 is sent again
            assertThat(alone.exchange(bytes("cparam01"), ANSWER, "cparam02.70710"))
                    .hasValue("SIP/2.0 405 Method not allowed");
        }
    }

    private static byte[] bytes(String name) throws Exception {
        try (InputStream in = Rfc4475TortureTest.class.getResourceAsStream("/rfc4475/" + name + ".dat")) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] ping(String after) {
        return ("OPTIONS sip:ping@127.0.0.1 SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-ping-" + after + "\r\n"
                        + "Max-Forwards: 70\r\n"
                        + "From: <sip:probe@127.0.0.1>;tag=ping\r\n"
                        + "To: <sip:ping@127.0.0.1>\r\n"
                        + "Call-ID: ping-after-" + after + "\r\n"
                        + "CSeq: 1 OPTIONS\r\n"
                        + "Content-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
