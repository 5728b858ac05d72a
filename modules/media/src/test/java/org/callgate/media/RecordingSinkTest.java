package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.core.media.AudioSink;
import org.callgate.core.media.MediaSession;
import org.callgate.core.media.RecordedAudio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A session records into the {@link AudioSink} it is given (R4): both legs' G.711 audio as stereo
 * PCM, the caller left and the agent right, and nothing of files. Real UDP peers on 127.0.0.1;
 * the session's clock is moved by the test, one packet at a time, so every packet's arrival time
 * is exact: a packet has reached the recorder once its relayed copy reached the other peer.
 */
@ExtendWith(LeakDetection.class)
class RecordingSinkTest {

    private static final Instant ANSWERED = Instant.parse("2026-12-05T10:00:00Z");
    /** μ-law codes of the loudest negative and positive samples (ITU-T G.711). */
    private static final byte LOUD_NEGATIVE = 0x00;

    private static final byte LOUD_POSITIVE = (byte) 0x80;
    private static final int PACKETS = 5;

    private final MutableClock clock = new MutableClock(ANSWERED);
    private NettyMediaControl media;
    private MediaSession session;
    private UdpPeer callerPhone;
    private UdpPeer agentPlatform;

    @BeforeEach
    void openSessionBetweenTwoPeers() throws Exception {
        media = new NettyMediaControl(MediaSettings.of(UdpPeer.LOOPBACK, 31740, 31759, Duration.ofSeconds(30), clock));
        session = media.open("recording-sink-test", inactive -> {});
        callerPhone = UdpPeer.bind();
        agentPlatform = UdpPeer.bind();
        session.caller().remote(callerPhone.address());
        session.agent().remote(agentPlatform.address());
    }

    @AfterEach
    void closeEverything() {
        callerPhone.close();
        agentPlatform.close();
        media.close();
    }

    @Test
    void theSinkGetsTheCallerLeftTheAgentRightAndTheEndWithTheFrameCount() {
        MemorySink sink = new MemorySink();
        var recording = session.record(sink, ANSWERED);
        recordingStarted();
        clock.advance(Duration.ofMillis(500));

        for (int seq = 0; seq < PACKETS; seq++) {
            clock.advance(Duration.ofMillis(20));
            exchange(seq);
        }
        clock.advance(Duration.ofMillis(400));
        RecordedAudio audio = recording.stop().join();

        short[][] channels = sink.channels();
        assertThat(sink.ends.get()).isEqualTo(1);
        assertThat(sink.wholeFrames).isTrue();
        assertThat(sink.endFrames).isEqualTo(channels[0].length);
        assertThat(sink.ended).isEqualTo(ANSWERED.plusMillis(500 + PACKETS * 20 + 400));
        assertThat(audio.frames()).isEqualTo((500 + PACKETS * 20 + 400) * 8).isEqualTo(channels[0].length);
        assertThat(audio.lateSamples()).isZero();
        short loudNegative = G711.ulawDecode(LOUD_NEGATIVE);
        short loudPositive = G711.ulawDecode(LOUD_POSITIVE);
        assertThat(Arrays.stream(toInts(channels[0]))
                        .filter(s -> s == loudNegative)
                        .count())
                .isEqualTo(PACKETS * 160);
        assertThat(Arrays.stream(toInts(channels[0]))
                        .filter(s -> s != loudNegative && s != 0)
                        .count())
                .isZero();
        assertThat(Arrays.stream(toInts(channels[1]))
                        .filter(s -> s == loudPositive)
                        .count())
                .isEqualTo(PACKETS * 160);
        assertThat(Arrays.stream(toInts(channels[1]))
                        .filter(s -> s != loudPositive && s != 0)
                        .count())
                .isZero();
    }

    @Test
    void stoppingTwiceEndsTheSinkOnce() {
        MemorySink sink = new MemorySink();
        var recording = session.record(sink, ANSWERED);
        clock.advance(Duration.ofMillis(100));

        recording.stop().join();
        recording.stop().join();
        session.close();

        assertThat(sink.ends.get()).isEqualTo(1);
        assertThat(sink.channels()[0]).hasSize(800);
    }

    /**
     * Waits until the recording is on: it starts with a task on the session's event loop, which
     * runs tasks in order, so once a later task has run, every packet read after it is recorded.
     */
    private void recordingStarted() {
        ((NettyMediaSession) session).eventLoop().submit(() -> {}).syncUninterruptibly();
    }

    /** One packet each way; returns once both were relayed, so both passed the recorder. */
    private void exchange(int seq) {
        callerPhone.send(
                TestPackets.rtp(seq, 1, filled(LOUD_NEGATIVE)), session.caller().localRtp());
        agentPlatform.send(
                TestPackets.rtp(seq, 2, filled(LOUD_POSITIVE)), session.agent().localRtp());
        agentPlatform.receive();
        callerPhone.receive();
    }

    private static byte[] filled(byte code) {
        byte[] payload = new byte[160];
        Arrays.fill(payload, code);
        return payload;
    }

    private static int[] toInts(short[] samples) {
        int[] ints = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            ints[i] = samples[i];
        }
        return ints;
    }

    /** Keeps what the session hands over in memory, as the spool would on disk. */
    private static final class MemorySink implements AudioSink {
        private final ByteArrayOutputStream frames = new ByteArrayOutputStream();
        final AtomicInteger ends = new AtomicInteger();
        volatile Instant ended;
        volatile long endFrames = -1;
        volatile boolean wholeFrames = true;

        @Override
        public synchronized void write(byte[] chunk) {
            wholeFrames &= chunk.length % BYTES_PER_FRAME == 0;
            frames.writeBytes(chunk);
        }

        @Override
        public synchronized CompletableFuture<RecordedAudio> end(Instant at, long frameCount, long lateSamples) {
            ends.incrementAndGet();
            ended = at;
            endFrames = frameCount;
            return CompletableFuture.completedFuture(new RecordedAudio(frameCount, frames.size(), lateSamples));
        }

        synchronized short[][] channels() {
            ByteBuffer pcm = ByteBuffer.wrap(frames.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            int count = pcm.remaining() / BYTES_PER_FRAME;
            short[][] channels = {new short[count], new short[count]};
            for (int i = 0; i < count; i++) {
                channels[0][i] = pcm.getShort();
                channels[1][i] = pcm.getShort();
            }
            return channels;
        }
    }
}
