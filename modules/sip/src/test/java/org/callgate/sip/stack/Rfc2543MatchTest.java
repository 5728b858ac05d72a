package org.callgate.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.2.3's backward-compatible matching, on messages parsed by the RI. */
class Rfc2543MatchTest {

    static {
        if (CommonLogger.legacyLogger == null) {
            CommonLogger.legacyLogger = new Slf4jStackLogger();
        }
    }

    private static final String INVITE = "INVITE sip:queue@192.0.2.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 198.51.100.7:5060\r\n"
            + "From: <sip:ann@198.51.100.7>;tag=f1\r\n"
            + "To: <sip:queue@192.0.2.1>\r\n"
            + "Call-ID: c1@198.51.100.7\r\n"
            + "CSeq: 8 INVITE\r\n"
            + "Max-Forwards: 70\r\n"
            + "Content-Length: 0\r\n\r\n";

    @Test
    void anRfc3261RequestNeedsNoMatchOfItsOwn() throws Exception {
        SIPRequest request = (SIPRequest) parse(INVITE.replace("5060\r\n", "5060;branch=z9hG4bK77\r\n"));

        assertThat(Rfc2543Match.applies(request)).isFalse();
        assertThat(Rfc2543Match.of(request)).isNull();
    }

    @Test
    void aRetransmissionMatchesItsTransaction() throws Exception {
        Rfc2543Match match = Rfc2543Match.of((SIPRequest) parse(INVITE));

        assertThat(match.matches(parse(INVITE), "INVITE")).isTrue();
    }

    @Test
    void theAckOfAnAnswerWithAToTagMatchesTheInvite() throws Exception {
        Rfc2543Match match = Rfc2543Match.of((SIPRequest) parse(INVITE));
        String ack = INVITE.replace("INVITE sip", "ACK sip")
                .replace("8 INVITE", "8 ACK")
                .replace("192.0.2.1>\r\n", "192.0.2.1>;tag=t9\r\n");

        assertThat(match.matches(parse(ack), "INVITE")).isTrue();
    }

    @Test
    void aCancelNeverMatchesTheInviteItCancels() throws Exception {
        Rfc2543Match match = Rfc2543Match.of((SIPRequest) parse(INVITE));
        String cancel = INVITE.replace("INVITE sip", "CANCEL sip").replace("8 INVITE", "8 CANCEL");

        assertThat(match.matches(parse(cancel), "INVITE")).isFalse();
    }

    @Test
    void anotherSequenceNumberOrViaIsAnotherTransaction() throws Exception {
        Rfc2543Match match = Rfc2543Match.of((SIPRequest) parse(INVITE));

        assertThat(match.matches(parse(INVITE.replace("CSeq: 8", "CSeq: 9")), "INVITE"))
                .isFalse();
        assertThat(match.matches(parse(INVITE.replace("100.7:5060", "100.7:5070")), "INVITE"))
                .isFalse();
        assertThat(match.matches(parse(INVITE.replace("tag=f1", "tag=f2")), "INVITE"))
                .isFalse();
    }

    private static SIPMessage parse(String text) throws Exception {
        return new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.US_ASCII), true, false, null);
    }
}
