package org.callgate.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SdpRewriterTest {

    private static final String OFFER = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 192.0.2.10
            s=-
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 49170 RTP/AVP 0 8 18 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:18 G729/8000
            a=fmtp:18 annexb=no
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=rtcp:49171
            a=candidate:1 1 UDP 2130706431 192.0.2.10 49170 typ host
            a=sendrecv
            m=video 51372 RTP/AVP 96
            a=rtpmap:96 H264/90000
            """;

    private final InetAddress callgate = InetAddress.ofLiteral("203.0.113.5");

    @Test
    void rewrittenOfferSendsMediaToCallgateAndKeepsOnlyG711AndTelephoneEvent() throws Exception {
        String out = SdpRewriter.rewrite(Sdp.parse(OFFER), callgate, 20000, new SdpOrigin(42));

        assertThat(out)
                .contains(
                        "c=IN IP4 203.0.113.5\r\n",
                        "m=audio 20000 RTP/AVP 0 8 101\r\n",
                        "a=rtpmap:101 telephone-event/8000\r\n",
                        "a=fmtp:101 0-16\r\n",
                        "a=sendrecv\r\n");
        assertThat(out).doesNotContain("192.0.2.10", "G729", "annexb", "a=rtcp:", "a=candidate");
        assertThat(out).startsWith("v=0\r\no=callgate 42 42 IN IP4 203.0.113.5\r\n");
    }

    @Test
    void otherMediaStreamsAreKeptButDisabledSoTheAnswerMatchesLineForLine() throws Exception {
        String out = SdpRewriter.rewrite(Sdp.parse(OFFER), callgate, 20000, new SdpOrigin(1));

        assertThat(out).contains("m=video 0 RTP/AVP 96\r\n").doesNotContain("H264");
    }

    @Test
    void eachDescriptionOnALegIncrementsTheOriginVersion() throws Exception {
        SdpOrigin origin = new SdpOrigin(7);
        SdpRewriter.rewrite(Sdp.parse(OFFER), callgate, 20000, origin);

        assertThat(SdpRewriter.rewrite(Sdp.parse(OFFER), callgate, 20000, origin))
                .contains("o=callgate 7 8 IN IP4");
    }

    @Test
    void holdWithTheUnspecifiedAddressStaysOnHoldAndHasNoMediaTarget() throws Exception {
        Sdp hold = Sdp.parse(OFFER.replace("c=IN IP4 192.0.2.10", "c=IN IP4 0.0.0.0"));

        assertThat(SdpRewriter.rewrite(hold, callgate, 20000, new SdpOrigin(1))).contains("c=IN IP4 0.0.0.0");
        assertThat(hold.audioTarget()).isNull();
    }

    @Test
    void theAudioTargetIsTheConnectionAddressAndAudioPort() throws Exception {
        assertThat(Sdp.parse(OFFER).audioTarget()).isEqualTo(new InetSocketAddress("192.0.2.10", 49170));
    }

    @Test
    void anOfferWithoutG711IsNotAcceptable() {
        String g729only = OFFER.replace("m=audio 49170 RTP/AVP 0 8 18 101", "m=audio 49170 RTP/AVP 18");

        assertThatThrownBy(() -> SdpRewriter.rewrite(Sdp.parse(g729only), callgate, 20000, new SdpOrigin(1)))
                .isInstanceOfSatisfying(
                        SdpException.class, e -> assertThat(e.malformed()).isFalse())
                .hasMessageContaining("No common codec");
    }

    @Test
    void secureRtpIsNotAcceptableBecauseCallgateMustSeeTheAudio() {
        String srtp = OFFER.replace("m=audio 49170 RTP/AVP", "m=audio 49170 RTP/SAVP");

        assertThatThrownBy(() -> SdpRewriter.rewrite(Sdp.parse(srtp), callgate, 20000, new SdpOrigin(1)))
                .hasMessageContaining("RTP/SAVP");
    }

    @Test
    void callgatesOwnOfferHasG711AndTelephoneEventOnPayloadType101() throws Exception {
        Sdp offer = Sdp.parse(SdpOffers.offer(callgate, 20002, new SdpOrigin(3)));

        assertThat(offer.audio().orElseThrow().formats()).containsExactly("8", "0", "101");
        assertThat(offer.audio().orElseThrow().encodingOf("101")).isEqualTo("telephone-event/8000");
        assertThat(offer.audioTarget()).isEqualTo(new InetSocketAddress(callgate, 20002));
    }
}
