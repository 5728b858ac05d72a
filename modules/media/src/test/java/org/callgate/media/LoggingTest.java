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
import org.callgate.core.media.MediaSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** Even at DEBUG, the relay logs per session and per latch, never per packet. */
@ExtendWith(LeakDetection.class)
class LoggingTest {

    private final Logger mediaLogger = (Logger) LoggerFactory.getLogger("org.callgate.media");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void captureDebugLogs() {
        previousLevel = mediaLogger.getLevel();
        mediaLogger.setLevel(Level.DEBUG);
        events.start();
        mediaLogger.addAppender(events);
    }

    @AfterEach
    void restoreLogging() {
        mediaLogger.detachAppender(events);
        mediaLogger.setLevel(previousLevel);
    }

    @Test
    void sessionLogsCarryTheCallIdAndPacketsAreNotLoggedOneByOne() throws Exception {
        try (NettyMediaControl media = new NettyMediaControl(
                        MediaSettings.of(UdpPeer.LOOPBACK, 31800, 31819, Duration.ofSeconds(30), Clock.systemUTC())
                                .withIoThreads(1));
                UdpPeer phone = UdpPeer.bind();
                UdpPeer agent = UdpPeer.bind()) {
            MediaSession session = media.open("call-42", inactive -> {});
            session.caller().remote(phone.address());
            session.agent().remote(agent.address());
            for (int seq = 0; seq < 100; seq++) {
                phone.send(TestPackets.rtp(seq), session.caller().localRtp());
            }
            for (int seq = 0; seq < 100; seq++) {
                agent.receive();
            }
            session.close();
        }

        await().until(() -> messages().stream().anyMatch(m -> m.contains("media closed")));
        List<ILoggingEvent> sessionEvents = events.list.stream()
                .filter(e -> !e.getFormattedMessage().startsWith("media relay"))
                .toList();
        assertThat(sessionEvents)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("media opened"))
                .anyMatch(m -> m.startsWith("media closed"));
        assertThat(sessionEvents)
                .extracting(e -> e.getMDCPropertyMap().get("callId"))
                .containsOnly("call-42");
        assertThat(messages())
                .filteredOn(m -> m.contains("latched"))
                .singleElement()
                .asString()
                .startsWith("CALLER RTP latched to /127.0.0.1:");
        assertThat(events.list).as("a bounded number of lines for 100 packets").hasSizeLessThan(10);
    }

    private List<String> messages() {
        return events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
