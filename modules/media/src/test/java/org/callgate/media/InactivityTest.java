package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.core.media.MediaListener;
import org.callgate.core.media.MediaSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inactivity watch, with time moved by hand: the check runs every 50 ms of real time, but
 * only the {@link MutableClock} decides whether the 200 ms timeout has passed.
 */
@ExtendWith(LeakDetection.class)
class InactivityTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);
    /** Several check periods: long enough for a wrong report to show up. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final UdpPeer callerPhone = UdpPeer.bind();
    private final UdpPeer agentPlatform = UdpPeer.bind();
    private NettyMediaControl media;
    private MediaSession session;

    @BeforeEach
    void openSession() throws Exception {
        media = new NettyMediaControl(
                MediaSettings.of(UdpPeer.LOOPBACK, 31300, 31319, TIMEOUT, clock).withIoThreads(1));
        session = open(inactive -> reports.add(inactive.callId()));
    }

    @AfterEach
    void closeEverything() {
        media.close();
        callerPhone.close();
        agentPlatform.close();
    }

    @Test
    void anEstablishedCallWithoutMediaIsReportedOnceTheTimeoutHasPassed() {
        session.established();

        clock.advance(TIMEOUT.minusMillis(1));
        assertNoReportFor(QUIET);

        clock.advance(Duration.ofMillis(2));
        await().until(() -> reports.size() == 1);
        assertThat(reports).containsExactly("inactivity-test");
    }

    @Test
    void theReportComesOnlyOnceEvenAsTimeGoesOn() {
        session.established();
        clock.advance(TIMEOUT.plusMillis(1));
        await().until(() -> reports.size() == 1);

        clock.advance(TIMEOUT.multipliedBy(10));

        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> reports.size() == 1);
    }

    @Test
    void rtpKeepsTheCallAlive() {
        session.established();
        clock.advance(TIMEOUT.multipliedBy(3).dividedBy(4));

        callerPhone.send(TestPackets.rtp(1), session.caller().localRtp());
        await().until(() -> session.caller().counters().packetsIn() == 1);
        clock.advance(TIMEOUT.multipliedBy(3).dividedBy(4));

        assertNoReportFor(QUIET);
        clock.advance(TIMEOUT.dividedBy(4).plusMillis(1));
        await().until(() -> reports.size() == 1);
    }

    @Test
    void rtcpAloneOnTheAgentLegKeepsTheCallAlive() {
        session.established();
        for (int i = 0; i < 4; i++) {
            clock.advance(TIMEOUT.dividedBy(2));
            long before = session.agent().counters().rtcpIn();
            agentPlatform.send(
                    TestPackets.rtcpReceiverReport(9), plusOne(session.agent().localRtp()));
            await().until(() -> session.agent().counters().rtcpIn() == before + 1);
        }

        assertNoReportFor(QUIET);
    }

    @Test
    void packetsFromAForeignSourceDoNotKeepTheCallAlive() {
        session.established();
        callerPhone.send(TestPackets.rtp(1), session.caller().localRtp());
        await().until(() -> session.caller().counters().packetsIn() == 1);

        long droppedBefore = session.caller().counters().dropped();

        clock.advance(TIMEOUT.minusMillis(10));
        agentPlatform.send(TestPackets.rtp(2), session.caller().localRtp());
        await().until(() -> session.caller().counters().dropped() == droppedBefore + 1);
        clock.advance(Duration.ofMillis(11));

        await().until(() -> reports.size() == 1);
    }

    @Test
    void nothingIsReportedBeforeTheCallIsEstablished() {
        clock.advance(TIMEOUT.multipliedBy(100));

        assertNoReportFor(QUIET);
    }

    @Test
    void theWatchStartsWhenTheCallIsEstablishedNotWhenItWasOpened() {
        clock.advance(TIMEOUT.multipliedBy(5));
        session.established();

        clock.advance(TIMEOUT.minusMillis(1));
        assertNoReportFor(QUIET);
        clock.advance(Duration.ofMillis(1));
        await().until(() -> reports.size() == 1);
    }

    @Test
    void aClosedSessionIsNotReported() {
        session.established();
        session.close();

        clock.advance(TIMEOUT.multipliedBy(2));

        assertNoReportFor(QUIET);
    }

    @Test
    void theListenerMayCloseTheSessionFromTheMediaThread() throws Exception {
        MediaSession hungUp = open(MediaSession::close);
        hungUp.established();

        clock.advance(TIMEOUT.plusMillis(1));

        await().until(() -> media.openSessions() == 1);
        await().until(() -> media.freePortPairs() == 10 - 2);
        assertThat(media.openChannels()).isEqualTo(4);
        assertThat(reports).as("the other session was never established").isEmpty();
    }

    @Test
    void aFailingListenerDoesNotBreakTheRelay() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        MediaSession failing = open(inactive -> {
            calls.incrementAndGet();
            throw new IllegalStateException("listener bug");
        });
        failing.caller().remote(callerPhone.address());
        failing.agent().remote(agentPlatform.address());
        failing.established();

        clock.advance(TIMEOUT.plusMillis(1));
        await().until(() -> calls.get() == 1);

        callerPhone.send(TestPackets.rtp(1), failing.caller().localRtp());
        assertThat(agentPlatform.receive().data()).isEqualTo(TestPackets.rtp(1));
        assertThat(calls).hasValue(1);
    }

    private MediaSession open(MediaListener listener) throws Exception {
        return media.open("inactivity-test", listener);
    }

    private void assertNoReportFor(Duration quiet) {
        await().during(quiet).atMost(quiet.multipliedBy(3)).until(reports::isEmpty);
    }

    private static InetSocketAddress plusOne(InetSocketAddress rtp) {
        return new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
    }
}
