package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callgate.core.media.AudioCodec;
import org.callgate.core.media.MediaListener;
import org.callgate.core.media.MediaSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** RFC 4733 key presses sent over real UDP into the caller leg, as SIPp and phones send them. */
@ExtendWith(LeakDetection.class)
class DtmfTest {

    private static final int TELEPHONE_EVENT = 101;
    private static final Duration QUIET = Duration.ofMillis(300);

    private final List<Character> keys = new CopyOnWriteArrayList<>();
    private final List<Boolean> onSessionLoop = new CopyOnWriteArrayList<>();
    private final UdpPeer callerPhone = UdpPeer.bind();
    private final UdpPeer agentPlatform = UdpPeer.bind();
    private NettyMediaControl media;
    private NettyMediaSession session;

    @BeforeEach
    void openSession() throws Exception {
        media = new NettyMediaControl(
                MediaSettings.of(UdpPeer.LOOPBACK, 31900, 31919, Duration.ofSeconds(30), Clock.systemUTC())
                        .withIoThreads(2));
        session = (NettyMediaSession) media.open("dtmf-test", new MediaListener() {
            @Override
            public void onDtmf(MediaSession pressed, char key) {
                onSessionLoop.add(pressed == session && session.eventLoop().inEventLoop());
                keys.add(key);
            }

            @Override
            public void onInactive(MediaSession inactive) {}
        });
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
    void aKeyPressIsReportedOnceOnTheSessionsEventLoop() {
        send(TestPackets.keyPress(TELEPHONE_EVENT, 100, 16_000, 5, 4));

        await().until(() -> !keys.isEmpty());
        assertNoMoreKeysFor(QUIET, 1);
        assertThat(keys).containsExactly('5');
        assertThat(onSessionLoop).containsExactly(true);
    }

    @Test
    void aSequenceOfPressesIsReportedInOrder() {
        int seq = 1;
        long timestamp = 8_000;
        for (int event : new int[] {1, 1, 10, 0, 11}) {
            send(TestPackets.keyPress(TELEPHONE_EVENT, seq, timestamp, event, 3));
            seq += 6;
            timestamp += 4_000;
        }

        await().until(() -> keys.size() == 5);
        assertNoMoreKeysFor(QUIET, 5);
        assertThat(keys).containsExactly('1', '1', '*', '0', '#');
    }

    @Test
    void withTheRelayOnTheEventsAlsoReachTheAgent() {
        List<byte[]> press = TestPackets.keyPress(TELEPHONE_EVENT, 1, 800, 7, 2);
        send(press);

        for (byte[] packet : press) {
            assertThat(agentPlatform.receive().data()).isEqualTo(packet);
        }
        await().until(() -> keys.equals(List.of('7')));
    }

    @Test
    void theTelephoneEventPayloadTypeComesFromTheSdp() {
        session.caller().payloadTypes(AudioCodec.PCMU, 96);

        send(TestPackets.keyPress(TELEPHONE_EVENT, 1, 800, 1, 2));
        send(TestPackets.keyPress(96, 10, 4800, 2, 2));

        await().until(() -> !keys.isEmpty());
        assertNoMoreKeysFor(QUIET, 1);
        assertThat(keys).containsExactly('2');
    }

    @Test
    void withoutTelephoneEventsNoKeysAreReported() {
        session.caller().payloadTypes(AudioCodec.PCMA, -1);

        send(TestPackets.keyPress(TELEPHONE_EVENT, 1, 800, 1, 2));

        await().until(() -> session.caller().counters().packetsIn() == 5);
        assertNoMoreKeysFor(QUIET, 0);
    }

    @Test
    void eventsFromTheAgentLegAreNotTheCallersKeys() {
        for (byte[] packet : TestPackets.keyPress(TELEPHONE_EVENT, 1, 800, 1, 2)) {
            agentPlatform.send(packet, session.agent().localRtp());
        }

        await().until(() -> session.agent().counters().packetsIn() == 5);
        assertNoMoreKeysFor(QUIET, 0);
    }

    @Test
    void keysAreNeverLoggedSinceCallersTypeAccountNumbersAndPins() {
        Logger mediaLogger = (Logger) LoggerFactory.getLogger("org.callgate.media");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        Level previous = mediaLogger.getLevel();
        mediaLogger.setLevel(Level.TRACE);
        events.start();
        mediaLogger.addAppender(events);
        try {
            send(TestPackets.keyPress(TELEPHONE_EVENT, 1, 800, 8, 2));
            await().until(() -> keys.equals(List.of('8')));
        } finally {
            mediaLogger.detachAppender(events);
            mediaLogger.setLevel(previous);
        }

        assertThat(events.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(message -> message.contains("pressed a key"))
                .filteredOn(message -> message.contains("key") || message.contains("DTMF"))
                .noneMatch(message -> message.contains("8"));
    }

    private void send(List<byte[]> packets) {
        for (byte[] packet : packets) {
            callerPhone.send(packet, session.caller().localRtp());
        }
    }

    private void assertNoMoreKeysFor(Duration quiet, int expected) {
        await().during(quiet).atMost(quiet.multipliedBy(3)).until(() -> keys.size() == expected);
    }
}
