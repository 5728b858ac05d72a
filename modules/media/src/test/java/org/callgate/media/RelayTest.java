package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.callgate.core.media.MediaSession;
import org.callgate.media.UdpPeer.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Relaying between real UDP peers on 127.0.0.1, on both transports. */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
@ExtendWith(LeakDetection.class)
class RelayTest {

    private static final int PORT_MIN = 31000;
    private static final int PORT_MAX = 31019;

    @Parameter
    Transport transport;

    private NettyMediaControl media;
    private MediaSession session;
    private UdpPeer[] callerPhone;
    private UdpPeer[] agentPlatform;

    @BeforeEach
    void openSessionBetweenTwoPeers() throws Exception {
        assumeTrue(transport.isAvailable(), transport + " is not available on this machine");
        media = new NettyMediaControl(
                MediaSettings.of(UdpPeer.LOOPBACK, PORT_MIN, PORT_MAX, Duration.ofSeconds(30), Clock.systemUTC())
                        .withIoThreads(2),
                transport);
        session = media.open("relay-test", inactive -> {});
        callerPhone = UdpPeer.rtpAndRtcp();
        agentPlatform = UdpPeer.rtpAndRtcp();
        session.caller().remote(callerPhone[0].address());
        session.agent().remote(agentPlatform[0].address());
    }

    @AfterEach
    void closeEverything() {
        Stream.of(callerPhone, agentPlatform)
                .filter(p -> p != null)
                .flatMap(Stream::of)
                .forEach(UdpPeer::close);
        if (media != null) {
            media.close();
        }
    }

    @Test
    void rtpFromTheCallerReachesTheAgentFromTheAgentLegPort() {
        byte[] rtp = TestPackets.rtp(1);

        callerPhone[0].send(rtp, session.caller().localRtp());

        Received received = agentPlatform[0].receive();
        assertThat(received.data()).isEqualTo(rtp);
        assertThat(received.source()).isEqualTo(session.agent().localRtp());
    }

    @Test
    void rtpFromTheAgentReachesTheCallerFromTheCallerLegPort() {
        byte[] rtp = TestPackets.rtp(500);

        agentPlatform[0].send(rtp, session.agent().localRtp());

        Received received = callerPhone[0].receive();
        assertThat(received.data()).isEqualTo(rtp);
        assertThat(received.source()).isEqualTo(session.caller().localRtp());
    }

    @Test
    void aConversationFlowsBothWaysInOrder() {
        int packets = 50;
        for (int seq = 0; seq < packets; seq++) {
            callerPhone[0].send(TestPackets.rtp(seq), session.caller().localRtp());
            agentPlatform[0].send(TestPackets.rtp(1000 + seq), session.agent().localRtp());
        }

        for (int seq = 0; seq < packets; seq++) {
            assertThat(agentPlatform[0].receive().data()).isEqualTo(TestPackets.rtp(seq));
            assertThat(callerPhone[0].receive().data()).isEqualTo(TestPackets.rtp(1000 + seq));
        }
    }

    @Test
    void rtcpIsRelayedBetweenThePlusOnePorts() {
        byte[] fromCaller = TestPackets.rtcpReceiverReport(1);
        byte[] fromAgent = TestPackets.rtcpReceiverReport(2);

        callerPhone[1].send(fromCaller, plusOne(session.caller().localRtp()));
        Received atAgent = agentPlatform[1].receive();
        agentPlatform[1].send(fromAgent, plusOne(session.agent().localRtp()));
        Received atCaller = callerPhone[1].receive();

        assertThat(atAgent.data()).isEqualTo(fromCaller);
        assertThat(atAgent.source()).isEqualTo(plusOne(session.agent().localRtp()));
        assertThat(atCaller.data()).isEqualTo(fromAgent);
        assertThat(atCaller.source()).isEqualTo(plusOne(session.caller().localRtp()));
    }

    @Test
    void eachLegAdvertisesAnEvenPortOfTheRangeOnTheConfiguredAddress() {
        for (InetSocketAddress local :
                List.of(session.caller().localRtp(), session.agent().localRtp())) {
            assertThat(local.getAddress()).isEqualTo(UdpPeer.LOOPBACK);
            assertThat(local.getPort()).isBetween(PORT_MIN, PORT_MAX - 1).isEven();
        }
        assertThat(session.caller().localRtp()).isNotEqualTo(session.agent().localRtp());
    }

    @Test
    void allFourSocketsOfASessionAreOnTheSessionsEventLoopAndUseTheTransport() {
        NettyMediaSession netty = (NettyMediaSession) session;
        List<Channel> channels = List.of(
                netty.caller().pair().rtp(), netty.caller().pair().rtcp(),
                netty.agent().pair().rtp(), netty.agent().pair().rtcp());

        assertThat(channels).allSatisfy(channel -> {
            assertThat(channel.eventLoop()).isSameAs(netty.eventLoop());
            assertThat(channel).isInstanceOf(transport.channelClass());
            assertThat(channel.isActive()).isTrue();
        });
        assertThat(media.transport()).isEqualTo(transport);
        assertThat(media.openChannels()).isEqualTo(4);
    }

    private static InetSocketAddress plusOne(InetSocketAddress rtp) {
        return new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
    }
}
