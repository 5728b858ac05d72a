package org.callgate.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectionTest {

    @ParameterizedTest(name = "{0} and {1} read as {2}, answered {3}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1 | a=sendrecv | SENDRECV | SENDRECV
            127.0.0.1 | a=sendonly | SENDONLY | RECVONLY
            127.0.0.1 | a=recvonly | RECVONLY | SENDONLY
            127.0.0.1 | a=inactive | INACTIVE | INACTIVE
            127.0.0.1 | a=ptime:20 | SENDRECV | SENDRECV
            0.0.0.0   | a=sendrecv | SENDONLY | RECVONLY
            0.0.0.0   | a=recvonly | INACTIVE | INACTIVE
            """)
    void theAudioDirectionOfAnOfferAndItsAnswerFollowRfc3264(
            String address, String attribute, Direction read, Direction answered) throws Exception {
        Sdp offer = Sdp.parse("v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 " + address
                + "\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8\r\n" + attribute + "\r\n");

        assertThat(Direction.of(offer)).isEqualTo(read);
        assertThat(Direction.of(offer).answer()).isEqualTo(answered);
    }

    @ParameterizedTest(name = "session-level {0} applies unless the audio section says otherwise")
    @CsvSource(delimiter = '|', textBlock = """
            a=sendonly |            | SENDONLY
            a=sendonly | a=sendrecv | SENDRECV
            """)
    void aSessionLevelDirectionAppliesToAudioThatStatesNone(String session, String media, Direction read)
            throws Exception {
        Sdp offer = Sdp.parse("v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" + session
                + "\r\nm=audio 4000 RTP/AVP 8\r\n" + (media == null ? "" : media + "\r\n"));

        assertThat(Direction.of(offer)).isEqualTo(read);
    }

    @ParameterizedTest(name = "a {0} offer is answered with a={1}")
    @CsvSource(delimiter = '|', textBlock = """
            sendonly | recvonly
            inactive | inactive
            sendrecv | sendrecv
            """)
    void callgatesAnswerStatesTheMirroredDirection(String offered, String answered) throws Exception {
        Sdp offer = Sdp.parse("v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 8\r\na=" + offered + "\r\n");

        String answer = SdpOffers.answer(
                offer,
                SdpOffers.negotiate(offer),
                java.net.InetAddress.ofLiteral("192.0.2.1"),
                20000,
                new SdpOrigin(1));

        assertThat(answer.lines().filter(l -> l.matches("a=(sendrecv|sendonly|recvonly|inactive)")))
                .containsExactly("a=" + answered);
    }
}
