package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.callgate.core.media.MediaSession;
import org.callgate.core.media.MediaUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Opening, closing and running out of ports: nothing may be left behind. */
@ExtendWith(LeakDetection.class)
class SessionLifecycleTest {

    private final List<NettyMediaControl> controls = new ArrayList<>();
    private final List<UdpPeer> blockers = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        controls.forEach(NettyMediaControl::close);
        blockers.forEach(UdpPeer::close);
    }

    @Test
    void aThousandSessionsOpenedAndClosedLeaveNoSessionPortOrChannelBehind() throws Exception {
        int portMin = 31400;
        int pairs = 40;
        NettyMediaControl media = start(portMin, portMin + 2 * pairs - 1, 2);
        Random random = new Random(3);
        try (UdpPeer phone = UdpPeer.bind();
                UdpPeer agent = UdpPeer.bind()) {
            for (int batch = 0; batch < 50; batch++) {
                List<MediaSession> open = new ArrayList<>();
                for (int i = 0; i < pairs / 2; i++) {
                    open.add(media.open("call-" + batch + "-" + i, inactive -> {}));
                }
                assertThat(media.freePortPairs()).isZero();
                relayOnePacket(open.get(random.nextInt(open.size())), phone, agent, batch);
                Collections.shuffle(open, random);
                open.forEach(MediaSession::close);
                assertThat(media.openSessions()).isZero();
            }
        }

        assertThat(media.openSessions()).isZero();
        assertThat(media.freePortPairs()).isEqualTo(pairs);
        assertThat(media.openChannels()).isZero();
        assertEveryPortCanBeBoundAgain(portMin, portMin + 2 * pairs - 1);
    }

    @Test
    void whenThePortsRunOutOpenFailsAndReturnsWhatItHadTaken() throws Exception {
        NettyMediaControl media = start(31500, 31505, 1);
        MediaSession first = media.open("first", inactive -> {});
        assertThat(media.freePortPairs()).isOne();

        assertThatThrownBy(() -> media.open("second", inactive -> {}))
                .isInstanceOf(MediaUnavailableException.class)
                .hasMessage("no free RTP port pair in 31500-31505");

        assertThat(media.freePortPairs()).as("the caller leg's pair went back").isOne();
        assertThat(media.openSessions()).isOne();
        assertThat(media.openChannels()).isEqualTo(4);
        first.close();
        assertThat(media.freePortPairs()).isEqualTo(3);
        MediaSession third = media.open("third", inactive -> {});
        assertThat(third.caller().localRtp().getPort()).isBetween(31500, 31504);
        assertThat(media.openSessions()).isOne();
    }

    @Test
    void withOnlyTwoPairsOneSessionFitsAndTheNextOneFitsAfterItCloses() throws Exception {
        NettyMediaControl media = start(31510, 31513, 1);
        MediaSession first = media.open("first", inactive -> {});

        assertThatThrownBy(() -> media.open("second", inactive -> {}))
                .isInstanceOf(MediaUnavailableException.class)
                .hasMessageContaining("no free RTP port pair");

        first.close();
        MediaSession second = media.open("second", inactive -> {});
        assertThat(List.of(
                        second.caller().localRtp().getPort(),
                        second.agent().localRtp().getPort()))
                .containsExactlyInAnyOrder(31510, 31512);
    }

    @Test
    void portsTakenByAnotherProcessAreSkipped() throws Exception {
        blockers.add(UdpPeer.bind(31520));
        blockers.add(UdpPeer.bind(31523));
        NettyMediaControl media = start(31520, 31529, 1);

        MediaSession session = media.open("skipping", inactive -> {});

        assertThat(List.of(
                        session.caller().localRtp().getPort(),
                        session.agent().localRtp().getPort()))
                .containsExactly(31524, 31526);
        assertThat(media.freePortPairs()).as("skipped pairs stay in the pool").isEqualTo(3);
        assertThat(media.openChannels()).isEqualTo(4);
        session.close();
        assertThat(media.freePortPairs()).isEqualTo(5);
        assertThat(media.openChannels()).isZero();
    }

    @Test
    void whenNoPairCanBeBoundOpenFailsWithTheReason() throws Exception {
        for (int port = 31540; port < 31560; port += 2) {
            blockers.add(UdpPeer.bind(port));
        }
        NettyMediaControl media = start(31540, 31559, 1);

        assertThatThrownBy(() -> media.open("blocked", inactive -> {}))
                .isInstanceOf(MediaUnavailableException.class)
                .hasMessage("could not bind an RTP port pair on 127.0.0.1 after 5 attempts")
                .cause()
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Address already in use");

        assertThat(media.freePortPairs()).isEqualTo(10);
        assertThat(media.openSessions()).isZero();
        assertThat(media.openChannels()).isZero();
    }

    @Test
    void closingASessionTwiceIsHarmless() throws Exception {
        NettyMediaControl media = start(31560, 31569, 1);
        MediaSession session = media.open("twice", inactive -> {});

        session.close();
        session.close();

        assertThat(media.freePortPairs()).isEqualTo(5);
        assertThat(media.openSessions()).isZero();
        assertThat(media.openChannels()).isZero();
    }

    @Test
    void closingTheRelayClosesItsSessionsAndRefusesNewOnes() throws Exception {
        NettyMediaControl media = start(31580, 31599, 2);
        media.open("a", inactive -> {});
        media.open("b", inactive -> {});
        assertThat(media.openChannels()).isEqualTo(8);

        media.close();
        media.close();

        assertThat(media.openSessions()).isZero();
        assertThat(media.openChannels()).isZero();
        assertThat(media.freePortPairs()).isEqualTo(10);
        assertEveryPortCanBeBoundAgain(31580, 31599);
        assertThatThrownBy(() -> media.open("c", inactive -> {}))
                .isInstanceOf(MediaUnavailableException.class)
                .hasMessageContaining("shut down");
    }

    @Test
    void sessionsCanBeOpenedAndClosedFromManyThreadsAtOnce() throws Exception {
        NettyMediaControl media = start(31600, 31679, 4);
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> opened = new ArrayList<>();
        try (ExecutorService signalling = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                opened.add(signalling.submit(() -> {
                    go.await();
                    int count = 0;
                    for (int i = 0; i < 50; i++) {
                        try {
                            MediaSession session = media.open("concurrent-" + i, inactive -> {});
                            count++;
                            session.close();
                        } catch (MediaUnavailableException exhausted) {
                            // another thread holds the last pairs: fine under contention
                        }
                    }
                    return count;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> result : opened) {
                total += result.get();
            }
            assertThat(total).isPositive();
        }

        assertThat(media.openSessions()).isZero();
        assertThat(media.freePortPairs()).isEqualTo(40);
        assertThat(media.openChannels()).isZero();
    }

    @Test
    void sessionsAreSpreadOverTheEventLoopsEachKeepingItsSocketsOnOne() throws Exception {
        NettyMediaControl media = start(31700, 31719, 2);
        NettyMediaSession first = (NettyMediaSession) media.open("one", inactive -> {});
        NettyMediaSession second = (NettyMediaSession) media.open("two", inactive -> {});

        assertThat(first.eventLoop()).isNotSameAs(second.eventLoop());
        for (NettyMediaSession session : List.of(first, second)) {
            assertThat(List.of(session.caller().pair(), session.agent().pair()))
                    .flatExtracting(BoundPair::rtp, BoundPair::rtcp)
                    .allSatisfy(channel ->
                            assertThat(((Channel) channel).eventLoop()).isSameAs(session.eventLoop()));
        }
    }

    private NettyMediaControl start(int portMin, int portMax, int threads) {
        NettyMediaControl media = new NettyMediaControl(
                MediaSettings.of(UdpPeer.LOOPBACK, portMin, portMax, Duration.ofSeconds(30), Clock.systemUTC())
                        .withIoThreads(threads));
        controls.add(media);
        return media;
    }

    private static void relayOnePacket(MediaSession session, UdpPeer phone, UdpPeer agent, int seq) {
        session.caller().remote(phone.address());
        session.agent().remote(agent.address());
        phone.send(TestPackets.rtp(seq), session.caller().localRtp());
        UdpPeer.Received received = agent.receive();
        assertThat(received.data()).isEqualTo(TestPackets.rtp(seq));
        assertThat(received.source()).isEqualTo(session.agent().localRtp());
    }

    private static void assertEveryPortCanBeBoundAgain(int portMin, int portMax) {
        for (int port = portMin; port <= portMax; port++) {
            try (UdpPeer probe = UdpPeer.bind(port)) {
                assertThat(probe.address()).isEqualTo(new InetSocketAddress(UdpPeer.LOOPBACK, port));
            }
        }
    }
}
