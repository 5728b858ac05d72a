package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.callgate.core.media.MediaSession;
import org.callgate.media.UdpPeer.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Symmetric RTP (RFC 4961) against real sockets: media goes back where a peer sends from. */
@ExtendWith(LeakDetection.class)
class LatchingTest {

    private NettyMediaControl media;
    private MediaSession session;
    private final UdpPeer sdpAddress = UdpPeer.bind();
    private final UdpPeer behindNat = UdpPeer.bind();
    private final UdpPeer agentPlatform = UdpPeer.bind();
    private final UdpPeer intruder = UdpPeer.bind();

    @BeforeEach
    void openSession() throws Exception {
        media = new NettyMediaControl(
                MediaSettings.of(UdpPeer.LOOPBACK, 31100, 31119, Duration.ofSeconds(30), Clock.systemUTC())
                        .withIoThreads(1));
        session = media.open("latching-test", inactive -> {});
        session.caller().remote(sdpAddress.address());
        session.agent().remote(agentPlatform.address());
    }

    @AfterEach
    void closeEverything() {
        media.close();
        sdpAddress.close();
        behindNat.close();
        agentPlatform.close();
        intruder.close();
    }

    @Test
    void untilTheCallerSendsMediaGoesToItsSdpAddress() {
        agentPlatform.send(TestPackets.rtp(1), session.agent().localRtp());

        assertThat(sdpAddress.receive().data()).isEqualTo(TestPackets.rtp(1));
    }

    @Test
    void mediaGoesBackToWhereThePeerActuallySendsFrom() {
        behindNat.send(TestPackets.rtp(1), session.caller().localRtp());
        assertThat(agentPlatform.receive().data()).isEqualTo(TestPackets.rtp(1));

        agentPlatform.send(TestPackets.rtp(77), session.agent().localRtp());

        Received received = behindNat.receive();
        assertThat(received.data()).isEqualTo(TestPackets.rtp(77));
        assertThat(received.source()).isEqualTo(session.caller().localRtp());
    }

    @Test
    void afterLatchingAForeignSourceIsDroppedAndCounted() {
        behindNat.send(TestPackets.rtp(1), session.caller().localRtp());
        agentPlatform.receive();

        intruder.send(
                TestPackets.rtp(2, 666, TestPackets.payload("injected", 160)),
                session.caller().localRtp());
        await().until(() -> session.caller().counters().dropped() == 1);
        behindNat.send(TestPackets.rtp(2), session.caller().localRtp());

        assertThat(agentPlatform.receive().data())
                .as("the next packet is the peer's, not the intruder's")
                .isEqualTo(TestPackets.rtp(2));
        assertThat(session.caller().counters().packetsIn()).isEqualTo(2);
    }

    @Test
    void aNewSdpAddressRearmsLatchingSoAMovedPeerIsFollowed() {
        behindNat.send(TestPackets.rtp(1), session.caller().localRtp());
        agentPlatform.receive();
        UdpPeer movedPhone = UdpPeer.bind();
        try {
            session.caller().remote(sdpAddress.address());
            movedPhone.send(TestPackets.rtp(2), session.caller().localRtp());
            assertThat(agentPlatform.receive().data()).isEqualTo(TestPackets.rtp(2));

            agentPlatform.send(TestPackets.rtp(900), session.agent().localRtp());

            assertThat(movedPhone.receive().data()).isEqualTo(TestPackets.rtp(900));
        } finally {
            movedPhone.close();
        }
    }

    @Test
    void withoutAnSdpAddressTheFirstPacketStillLatches() {
        session.caller().remote(null);
        agentPlatform.send(TestPackets.rtp(1), session.agent().localRtp());
        await().until(() -> session.agent().counters().dropped() == 1);

        behindNat.send(TestPackets.rtp(5), session.caller().localRtp());
        assertThat(agentPlatform.receive().data()).isEqualTo(TestPackets.rtp(5));
        agentPlatform.send(TestPackets.rtp(2), session.agent().localRtp());

        assertThat(behindNat.receive().data()).isEqualTo(TestPackets.rtp(2));
        assertThat(session.agent().counters().packetsIn())
                .as("the dropped packet still came from the peer")
                .isEqualTo(2);
    }

    @Test
    void rtcpLatchesOntoItsOwnSourceIndependentlyOfRtp() {
        behindNat.send(TestPackets.rtp(1), session.caller().localRtp());
        agentPlatform.receive();
        UdpPeer rtcpBehindNat = UdpPeer.bind();
        UdpPeer[] agent = UdpPeer.rtpAndRtcp();
        try {
            session.agent().remote(agent[0].address());
            rtcpBehindNat.send(
                    TestPackets.rtcpReceiverReport(1), plusOne(session.caller().localRtp()));
            assertThat(agent[1].receive().data())
                    .as("to the agent's SDP port + 1")
                    .isEqualTo(TestPackets.rtcpReceiverReport(1));

            agent[1].send(
                    TestPackets.rtcpReceiverReport(2), plusOne(session.agent().localRtp()));

            Received atCaller = rtcpBehindNat.receive();
            assertThat(atCaller.data()).isEqualTo(TestPackets.rtcpReceiverReport(2));
            assertThat(atCaller.source()).isEqualTo(plusOne(session.caller().localRtp()));
            agent[0].send(TestPackets.rtp(3), session.agent().localRtp());
            assertThat(behindNat.receive().data())
                    .as("RTP stays latched where it was")
                    .isEqualTo(TestPackets.rtp(3));
        } finally {
            rtcpBehindNat.close();
            agent[0].close();
            agent[1].close();
        }
    }

    private static InetSocketAddress plusOne(InetSocketAddress rtp) {
        return new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
    }
}
