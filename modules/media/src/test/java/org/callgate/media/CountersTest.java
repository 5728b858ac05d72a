package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.callgate.core.media.LegCounters;
import org.callgate.core.media.MediaSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Per-leg counters as seen through the SPI while real packets flow. */
@ExtendWith(LeakDetection.class)
class CountersTest {

    private static final int RTP_SIZE = TestPackets.rtp(0).length;

    private NettyMediaControl media;
    private MediaSession session;
    private final UdpPeer callerPhone = UdpPeer.bind();
    private final UdpPeer agentPlatform = UdpPeer.bind();

    @BeforeEach
    void openSession() throws Exception {
        media = new NettyMediaControl(
                MediaSettings.of(UdpPeer.LOOPBACK, 31200, 31219, Duration.ofSeconds(30), Clock.systemUTC())
                        .withIoThreads(1));
        session = media.open("counters-test", inactive -> {});
        session.caller().remote(callerPhone.address());
        session.agent().remote(agentPlatform.address());
    }

    @AfterEach
    void closeEverything() {
        media.close();
        callerPhone.close();
        agentPlatform.close();
    }

    @Test
    void aFreshSessionHasCountedNothing() {
        LegCounters zero = new LegCounters(0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(session.caller().counters()).isEqualTo(zero);
        assertThat(session.agent().counters()).isEqualTo(zero);
        assertThat(zero.lossRatio()).isZero();
    }

    @Test
    void packetsAndBytesCountInOnTheSendingLegAndOutOnTheOtherLeg() {
        for (int seq = 0; seq < 20; seq++) {
            callerPhone.send(TestPackets.rtp(seq), session.caller().localRtp());
        }
        for (int seq = 0; seq < 20; seq++) {
            agentPlatform.receive();
        }
        agentPlatform.send(TestPackets.rtp(0), session.agent().localRtp());
        callerPhone.receive();

        await().untilAsserted(() -> {
            assertThat(session.caller().counters())
                    .isEqualTo(new LegCounters(20, 20L * RTP_SIZE, 0, 1, RTP_SIZE, 0, 0, 0));
            assertThat(session.agent().counters())
                    .isEqualTo(new LegCounters(1, RTP_SIZE, 0, 20, 20L * RTP_SIZE, 0, 0, 0));
        });
    }

    @Test
    void lossIsComputedFromSequenceGaps() {
        int[] sent = {100, 101, 104, 105, 107, 108, 109, 110};
        for (int seq : sent) {
            callerPhone.send(TestPackets.rtp(seq), session.caller().localRtp());
        }

        await().untilAsserted(() -> {
            LegCounters counters = session.caller().counters();
            assertThat(counters.packetsIn()).isEqualTo(sent.length);
            assertThat(counters.packetsLost()).as("102, 103 and 106").isEqualTo(3);
            assertThat(counters.lossRatio()).isEqualTo(3.0 / 11);
        });
        assertThat(session.agent().counters().packetsLost()).isZero();
    }

    @Test
    void rtcpIsCountedApartFromRtp() {
        UdpPeer callerRtcp = UdpPeer.bind();
        try {
            callerRtcp.send(
                    TestPackets.rtcpReceiverReport(1), plusOne(session.caller().localRtp()));
            callerRtcp.send(
                    TestPackets.rtcpReceiverReport(1), plusOne(session.caller().localRtp()));

            await().untilAsserted(() -> {
                assertThat(session.caller().counters().rtcpIn()).isEqualTo(2);
                assertThat(session.agent().counters().rtcpOut()).isEqualTo(2);
            });
            assertThat(session.caller().counters().packetsIn()).isZero();
            assertThat(session.agent().counters().packetsOut()).isZero();
        } finally {
            callerRtcp.close();
        }
    }

    @Test
    void datagramsThatAreNotRtpAreDroppedAndCounted() {
        callerPhone.send(new byte[] {1, 2, 3, 4, 5}, session.caller().localRtp());
        callerPhone.send(
                "INVITE sip:x SIP/2.0\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                session.caller().localRtp());

        await().until(() -> session.caller().counters().dropped() == 2);
        callerPhone.send(TestPackets.rtp(1), session.caller().localRtp());
        assertThat(agentPlatform.receive().data())
                .as("garbage did not latch or block the leg")
                .isEqualTo(TestPackets.rtp(1));
        assertThat(session.caller().counters().packetsIn()).isOne();
    }

    @Test
    void packetsWithNoKnownDestinationAreDroppedAndCounted() {
        session.agent().remote(null);

        callerPhone.send(TestPackets.rtp(1), session.caller().localRtp());
        callerPhone.send(TestPackets.rtp(2), session.caller().localRtp());

        await().untilAsserted(() -> {
            assertThat(session.caller().counters().dropped()).isEqualTo(2);
            assertThat(session.caller().counters().packetsIn()).isEqualTo(2);
        });
        assertThat(session.agent().counters().packetsOut()).isZero();
    }

    private static InetSocketAddress plusOne(InetSocketAddress rtp) {
        return new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
    }
}
