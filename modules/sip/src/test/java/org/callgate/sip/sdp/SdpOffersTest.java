package org.callgate.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.callgate.core.media.AudioCodec;
import org.junit.jupiter.api.Test;

class SdpOffersTest {

    private final InetAddress callgate = InetAddress.ofLiteral("203.0.113.5");

    private static Sdp offer(String m, String... attributes) throws SdpException {
        return Sdp.parse("v=0\r\no=c 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n" + m + "\r\n"
                + String.join("\r\n", attributes) + "\r\nm=video 5000 RTP/AVP 96\r\n");
    }

    @Test
    void theCallersFirstG711CodecAndItsTelephoneEventTypeAreChosen() throws Exception {
        Negotiated chosen = SdpOffers.negotiate(
                offer("m=audio 4000 RTP/AVP 18 0 8 96", "a=rtpmap:18 G729/8000", "a=rtpmap:96 telephone-event/8000"));

        assertThat(chosen).isEqualTo(new Negotiated(AudioCodec.PCMU, 96));
    }

    @Test
    void anOfferWithoutTelephoneEventNegotiatesNoDtmfEvents() throws Exception {
        assertThat(SdpOffers.negotiate(offer("m=audio 4000 RTP/AVP 8")).telephoneEvent())
                .isEqualTo(-1);
    }

    @Test
    void anOfferWithoutG711IsNotAcceptable() {
        assertThatThrownBy(() -> SdpOffers.negotiate(offer("m=audio 4000 RTP/AVP 18", "a=rtpmap:18 G729/8000")))
                .hasMessageContaining("No common codec");
    }

    @Test
    void theAnswerCarriesOnlyTheChosenCodecAndRefusesOtherStreams() throws Exception {
        Sdp callerOffer = offer("m=audio 4000 RTP/AVP 0 8 101", "a=rtpmap:101 telephone-event/8000");
        String answer =
                SdpOffers.answer(callerOffer, new Negotiated(AudioCodec.PCMU, 101), callgate, 20000, new SdpOrigin(9));
        Sdp parsed = Sdp.parse(answer);

        assertThat(parsed.audio().orElseThrow().formats()).containsExactly("0", "101");
        assertThat(parsed.audioTarget().getPort()).isEqualTo(20000);
        assertThat(parsed.media()).hasSize(2);
        assertThat(parsed.media().get(1).port()).isZero();
        assertThat(answer).contains("o=callgate 9 9 IN IP4 203.0.113.5\r\n");
    }
}
