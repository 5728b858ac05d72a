package org.callgate.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The raw header checks the RI's parser cannot make, since it merges what it reads. */
class HeaderLinesTest {

    private static byte[] request(String firstLine, String headers) {
        return (firstLine + "\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aSingleValuedHeaderGivenTwiceInLongAndCompactFormIsAProblem() {
        assertThat(HeaderLines.problem(request("OPTIONS sip:a@b SIP/2.0", "Content-Length: 13\r\nl: 5\r\n")))
                .hasValue("Several Content-Length headers");
        assertThat(HeaderLines.problem(request("OPTIONS sip:a@b SIP/2.0", "Call-ID: x\r\ni: y\r\n")))
                .hasValue("Several Call-ID headers");
    }

    @Test
    void anUnquotedDisplayNameWithACommaIsAProblemButTokensAndQuotesAreNot() {
        assertThat(HeaderLines.problem(request("OPTIONS sip:a@b SIP/2.0", "To: Watson, Thomas <sip:t@w>\r\n")))
                .hasValue("To display name must be quoted");
        assertThat(HeaderLines.problem(request(
                        "OPTIONS sip:a@b SIP/2.0",
                        "To: Thomas Watson <sip:t@w>\r\nFrom: \"Bell, A\" <sip:b@w>;tag=1\r\n")))
                .isEmpty();
    }

    @Test
    void aFoldedHeaderCountsOnceAndRepeatableHeadersAreFine() {
        assertThat(HeaderLines.problem(request(
                        "OPTIONS sip:a@b SIP/2.0", "Subject: one\r\n two\r\nRoute: <sip:r1>\r\nRoute: <sip:r2>\r\n")))
                .isEmpty();
    }

    @Test
    void theRequestLinesVersionIsReadAsWritten() {
        assertThat(HeaderLines.requestVersion(request("OPTIONS sip:a@b SIP/7.0", "")))
                .isEqualTo("SIP/7.0");
        assertThat(HeaderLines.requestVersion(request("OPTIONS sip:a@b SIP/2.0  ", "")))
                .isEqualTo("SIP/2.0");
    }
}
