package org.callgate.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdpParseTest {

    private static final String VALID =
            "v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 0\n";

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "v=1|first line must be v=0",
                "o=|no origin",
                "s=|no session name",
                "t=|no timing",
                "m=audio 4000 RTP/AVP 0|no media description",
                "c=IN IP4 10.0.0.1|no connection address",
                "4000 RTP|m= port is not a number",
                "hostname|not an IP literal",
                "garbage|line is not"
            })
    void aBrokenDescriptionIsMalformedWithTheReason(String broken, String reason) {
        String text = switch (broken) {
            case "v=1" -> VALID.replace("v=0", "v=1");
            case "o=" -> VALID.replace("o=- 1 1 IN IP4 10.0.0.1\n", "");
            case "s=" -> VALID.replace("s=-\n", "");
            case "t=" -> VALID.replace("t=0 0\n", "");
            case "m=audio 4000 RTP/AVP 0" -> VALID.replace("m=audio 4000 RTP/AVP 0\n", "");
            case "c=IN IP4 10.0.0.1" -> VALID.replace("c=IN IP4 10.0.0.1\n", "");
            case "4000 RTP" -> VALID.replace("m=audio 4000", "m=audio four");
            case "hostname" -> VALID.replace("c=IN IP4 10.0.0.1", "c=IN IP4 pbx.example.com");
            default -> VALID + "garbage\n";
        };

        assertThatThrownBy(() -> Sdp.parse(text))
                .isInstanceOfSatisfying(
                        SdpException.class, e -> assertThat(e.malformed()).isTrue())
                .hasMessageContaining(reason);
    }
}
