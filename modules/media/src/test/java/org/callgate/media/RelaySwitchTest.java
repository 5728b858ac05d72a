package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callgate.core.media.MediaListener;
import org.callgate.core.media.MediaSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The relay switch of the IVR, and prompts with the relay on, between real UDP peers. */
@ExtendWith(LeakDetection.class)
class RelaySwitchTest {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final long AGENT_SSRC = 0xA6E47L;

    private final List<Character> keys = new CopyOnWriteArrayList<>();
    private NettyMediaControl media;
    private NettyMediaSession session;
    private UdpPeer[] callerPhone;
    private UdpPeer[] agentPlatform;

    @BeforeEach
    void openSession() throws Exception {
        media = new NettyMediaControl(
                MediaSettings.of(UdpPeer.LOOPBACK, 31960, 31979, Duration.ofSeconds(30), Clock.systemUTC())
                        .withIoThreads(2));
        session = (NettyMediaSession) media.open("relay-switch-test", new MediaListener() {
            @Override
            public void onDtmf(MediaSession pressed, char key) {
                keys.add(key);
            }

            @Override
            public void onInactive(MediaSession inactive) {}
        });
        callerPhone = UdpPeer.rtpAndRtcp();
        agentPlatform = UdpPeer.rtpAndRtcp();
        session.caller().remote(callerPhone[0].address());
        session.agent().remote(agentPlatform[0].address());
    }

    @AfterEach
    void closeEverything() {
        media.close();
        for (UdpPeer peer : List.of(callerPhone[0], callerPhone[1], agentPlatform[0], agentPlatform[1])) {
            peer.close();
        }
    }

    @Test
    void withTheRelayOffNothingCrossesEitherWayButKeysAreStillDetected() {
        session.relay(false);

        for (int seq = 0; seq < 5; seq++) {
            callerPhone[0].send(TestPackets.rtp(seq), session.caller().localRtp());
            agentPlatform[0].send(TestPackets.rtp(100 + seq), session.agent().localRtp());
        }
        callerPhone[1].send(
                TestPackets.rtcpReceiverReport(1), plusOne(session.caller().localRtp()));
        agentPlatform[1].send(
                TestPackets.rtcpReceiverReport(2), plusOne(session.agent().localRtp()));
        for (byte[] event : TestPackets.keyPress(101, 5, 800, 4, 2)) {
            callerPhone[0].send(event, session.caller().localRtp());
        }

        await().until(() -> keys.equals(List.of('4')));
        for (UdpPeer peer : List.of(callerPhone[0], callerPhone[1], agentPlatform[0], agentPlatform[1])) {
            assertThat(peer.receiveWithin(QUIET))
                    .as("received by %s", peer.address())
                    .isNull();
        }
        assertThat(session.caller().counters().packetsIn())
                .as("received and counted")
                .isEqualTo(10);
        assertThat(session.caller().counters().rtcpIn()).isOne();
        assertThat(session.agent().counters().packetsIn()).isEqualTo(5);
        assertThat(session.caller().counters().dropped())
                .as("switched off is not dropped")
                .isZero();
        assertThat(session.agent().counters().dropped()).isZero();
        assertThat(session.caller().counters().packetsOut()).isZero();
        assertThat(session.agent().counters().packetsOut()).isZero();
    }

    @Test
    void turningTheRelayBackOnConnectsTheLegs() {
        session.relay(false);
        callerPhone[0].send(TestPackets.rtp(1), session.caller().localRtp());
        await().until(() -> session.caller().counters().packetsIn() == 1);

        session.relay(true);
        callerPhone[0].send(TestPackets.rtp(2), session.caller().localRtp());
        agentPlatform[0].send(TestPackets.rtp(3), session.agent().localRtp());

        assertThat(agentPlatform[0].receive().data()).isEqualTo(TestPackets.rtp(2));
        assertThat(callerPhone[0].receive().data()).isEqualTo(TestPackets.rtp(3));
    }

    @Test
    void withTheRelayOffTheCallerIsStillLatchedSoPromptsReachItsRealAddress() {
        try (UdpPeer sdpGuess = UdpPeer.bind()) {
            session.caller().remote(sdpGuess.address());
            session.relay(false);
            callerPhone[0].send(TestPackets.rtp(1), session.caller().localRtp());
            await().until(() -> session.caller().counters().packetsIn() == 1);

            session.play(List.of(PlaybackTest.sine(1000, 160)), interrupted -> {});

            assertThat(callerPhone[0].receive().source())
                    .isEqualTo(session.caller().localRtp());
            assertThat(sdpGuess.receiveWithin(QUIET)).isNull();
        }
    }

    @Test
    void whileAPromptPlaysWithTheRelayOnTheAgentIsNotMixedIntoTheCallersStream() {
        List<Boolean> told = new CopyOnWriteArrayList<>();
        session.play(List.of(PlaybackTest.sine(1000, 8000)), told::add);
        long promptSsrc =
                PlaybackTest.Rtp.parse(callerPhone[0].receive().data(), 0).ssrc();

        for (int seq = 0; seq < 5; seq++) {
            agentPlatform[0].send(
                    TestPackets.rtp(seq, AGENT_SSRC, new byte[160]),
                    session.agent().localRtp());
            callerPhone[0].send(TestPackets.rtp(seq), session.caller().localRtp());
        }
        for (int seq = 0; seq < 5; seq++) {
            assertThat(agentPlatform[0].receive().data())
                    .as("the caller still reaches the agent")
                    .isEqualTo(TestPackets.rtp(seq));
        }
        await().until(() -> told.equals(List.of(false)));
        for (UdpPeer.Received received = callerPhone[0].receiveWithin(QUIET);
                received != null;
                received = callerPhone[0].receiveWithin(QUIET)) {
            assertThat(PlaybackTest.Rtp.parse(received.data(), 0).ssrc()).isEqualTo(promptSsrc);
        }

        byte[] afterPrompt = TestPackets.rtp(9, AGENT_SSRC, new byte[160]);
        agentPlatform[0].send(afterPrompt, session.agent().localRtp());
        assertThat(callerPhone[0].receive().data()).isEqualTo(afterPrompt);
        assertThat(session.agent().counters().dropped()).isZero();
    }

    private static InetSocketAddress plusOne(InetSocketAddress rtp) {
        return new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
    }
}
