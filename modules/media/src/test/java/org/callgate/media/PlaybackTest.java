package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.callgate.core.media.Audio;
import org.callgate.core.media.AudioCodec;
import org.callgate.core.media.Playback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Prompts played to a real UDP peer on 127.0.0.1, on both transports. Timing is asserted only
 * loosely, so a loaded machine does not fail the build.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
@ExtendWith(LeakDetection.class)
class PlaybackTest {

    private static final Duration QUIET = Duration.ofMillis(200);

    @Parameter
    Transport transport;

    private NettyMediaControl media;
    private NettyMediaSession session;
    private UdpPeer callerPhone;

    /** One RTP packet as the phone received it. */
    record Rtp(int payloadType, boolean marker, int seq, long timestamp, long ssrc, byte[] payload, long arrivalNanos) {

        static Rtp parse(byte[] data, long arrivalNanos) {
            ByteBuffer packet = ByteBuffer.wrap(data);
            int first = packet.get(1) & 0xFF;
            return new Rtp(
                    first & 0x7F,
                    (first & 0x80) != 0,
                    packet.getShort(2) & 0xFFFF,
                    packet.getInt(4) & 0xFFFF_FFFFL,
                    packet.getInt(8) & 0xFFFF_FFFFL,
                    Arrays.copyOfRange(data, RtpPacket.RTP_HEADER, data.length),
                    arrivalNanos);
        }
    }

    /** What a listener was told, in order. */
    static final class Told implements Playback.Listener {
        final List<Boolean> interrupted = new CopyOnWriteArrayList<>();

        @Override
        public void finished(boolean wasInterrupted) {
            interrupted.add(wasInterrupted);
        }
    }

    @BeforeEach
    void openSession() throws Exception {
        assumeTrue(transport.isAvailable(), transport + " is not available on this machine");
        media = new NettyMediaControl(
                MediaSettings.of(UdpPeer.LOOPBACK, 31920, 31959, Duration.ofSeconds(30), Clock.systemUTC())
                        .withIoThreads(2),
                transport);
        session = (NettyMediaSession) media.open("playback-test", inactive -> {});
        callerPhone = UdpPeer.bind();
        session.caller().remote(callerPhone.address());
    }

    @AfterEach
    void closeEverything() {
        if (media != null) {
            media.close();
        }
        if (callerPhone != null) {
            callerPhone.close();
        }
    }

    @Test
    void aOneSecondToneArrivesAsFiftyPacedRtpPacketsInTheLegsCodec() {
        session.caller().payloadTypes(AudioCodec.PCMU, 101);
        Told told = new Told();

        session.play(List.of(sine(1000, 8000)), told);

        List<Rtp> packets = receiveAll();
        await().until(() -> told.interrupted.equals(List.of(false)));
        assertThat(packets).hasSize(50);
        Rtp first = packets.get(0);
        for (int i = 0; i < packets.size(); i++) {
            Rtp packet = packets.get(i);
            assertThat(packet.payloadType()).isEqualTo(AudioCodec.PCMU.payloadType());
            assertThat(packet.marker()).as("marker on packet %d", i).isEqualTo(i == 0);
            assertThat(packet.seq()).isEqualTo((first.seq() + i) & 0xFFFF);
            assertThat(packet.timestamp()).isEqualTo((first.timestamp() + 160L * i) & 0xFFFF_FFFFL);
            assertThat(packet.ssrc()).isEqualTo(first.ssrc());
            assertThat(packet.payload()).hasSize(160);
        }
        short[] audio = decode(AudioCodec.PCMU, packets);
        assertThat(rms(audio)).as("RMS of a sine of amplitude 8000").isBetween(5000.0, 6300.0);
        assertThat(zeroCrossings(audio))
                .as("a 1 kHz tone crosses zero 2000 times a second")
                .isBetween(1990, 2010);
        long spanMillis = (packets.get(49).arrivalNanos() - first.arrivalNanos()) / 1_000_000;
        assertThat(spanMillis).as("49 intervals of 20 ms").isBetween(900L, 1300L);
        assertThat(session.caller().counters().packetsOut()).isEqualTo(50);
        assertThat(session.caller().counters().bytesOut()).isEqualTo(50L * 172);
        assertThat(session.agent().counters().packetsOut()).isZero();
    }

    @Test
    void theDefaultCodecIsALawAndTheLastFrameIsPaddedWithSilence() {
        Told told = new Told();

        session.play(List.of(sine(1000, 170)), told);

        List<Rtp> packets = receiveAll();
        assertThat(packets).hasSize(2);
        assertThat(packets).allSatisfy(p -> assertThat(p.payloadType()).isEqualTo(AudioCodec.PCMA.payloadType()));
        byte[] last = packets.get(1).payload();
        assertThat(Arrays.copyOfRange(last, 10, 160)).containsOnly(G711.ALAW_SILENCE);
        assertThat(Arrays.copyOfRange(last, 0, 10)).isNotEqualTo(new byte[10]);
        await().until(() -> told.interrupted.equals(List.of(false)));
    }

    @Test
    void clipsFollowEachOtherWithoutAGapInTheAudio() {
        short[] ramp = new short[100];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (short) (i * 100);
        }
        Told told = new Told();

        session.play(List.of(new Audio("a", ramp), new Audio("empty", new short[0]), new Audio("b", ramp)), told);

        List<Rtp> packets = receiveAll();
        assertThat(packets).hasSize(2);
        short[] audio = decode(AudioCodec.PCMA, packets);
        assertThat(audio[99]).isGreaterThan((short) 9000);
        assertThat(audio[100])
                .as("the second clip starts right after the first")
                .isLessThan((short) 100);
        assertThat(audio[199]).isGreaterThan((short) 9000);
        assertThat(Arrays.copyOfRange(audio, 200, 320)).containsOnly(G711.alawDecode(G711.ALAW_SILENCE));
        await().until(() -> told.interrupted.equals(List.of(false)));
    }

    @Test
    void stopEndsThePlaybackEarlyAndTellsTheListenerOnce() {
        List<Long> sentWhenTold = new CopyOnWriteArrayList<>();
        Playback playback = session.play(
                List.of(sine(1000, 8000 * 5)),
                interrupted -> sentWhenTold.add(
                        interrupted ? session.caller().counters().packetsOut() : -1));
        for (int i = 0; i < 5; i++) {
            callerPhone.receive();
        }

        playback.stop();
        playback.stop();

        await().until(() -> !sentWhenTold.isEmpty());
        int received = 5 + receiveAll().size();
        assertThat(sentWhenTold).as("told once, interrupted").hasSize(1).allMatch(sent -> sent >= 5);
        assertThat(session.caller().counters().packetsOut())
                .as("nothing sent after stopping")
                .isEqualTo(sentWhenTold.get(0))
                .isEqualTo(received)
                .isLessThan(250);
    }

    @Test
    void aHoldPausesThePromptWhereItIsAndTheResumeSendsTheRestAsANewTalkspurt() {
        Told told = new Told();
        session.play(List.of(sine(1000, 8000)), told);
        List<Rtp> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(Rtp.parse(callerPhone.receive().data(), 0));
        }

        session.caller().hold(true);
        before.addAll(receiveAll());
        long sentWhileHeld = session.caller().counters().packetsOut();
        assertThat(receiveAll()).as("nothing is sent while on hold").isEmpty();
        assertThat(told.interrupted).as("a held prompt has not finished").isEmpty();

        session.caller().hold(false);
        List<Rtp> after = receiveAll();
        await().until(() -> told.interrupted.equals(List.of(false)));
        assertThat(before).hasSize((int) sentWhileHeld);
        assertThat(before.size() + after.size())
                .as("the whole second, none of it skipped")
                .isEqualTo(50);
        assertThat(after.get(0).marker()).as("the resume starts a talkspurt").isTrue();
        assertThat(after.get(0).seq()).isEqualTo((before.getLast().seq() + 1) & 0xFFFF);
        assertThat(after.get(0).timestamp() - before.getLast().timestamp())
                .as("the timestamp moved on by the pause")
                .isGreaterThan(160L);
    }

    @Test
    void aNewPlaybackStopsTheRunningOneAndContinuesTheSameRtpStream() {
        Told first = new Told();
        Told second = new Told();
        session.play(List.of(sine(1000, 8000 * 5)), first);
        Rtp firstPacket = Rtp.parse(callerPhone.receive().data(), 0);

        session.play(List.of(sine(500, 800)), second);

        await().until(() -> first.interrupted.equals(List.of(true)));
        List<Rtp> rest = receiveAll();
        await().until(() -> second.interrupted.equals(List.of(false)));
        List<Rtp> secondPlayback = rest.subList(rest.size() - 5, rest.size());
        assertThat(secondPlayback.get(0).marker()).as("a new talkspurt").isTrue();
        assertThat(secondPlayback).allSatisfy(p -> assertThat(p.ssrc()).isEqualTo(firstPacket.ssrc()));
        assertThat(rest.get(rest.size() - 1).seq())
                .as("sequence numbers run on without a gap")
                .isEqualTo((firstPacket.seq() + rest.size()) & 0xFFFF);
    }

    @Test
    void aPlaybackStoppedByTheListenerOfTheOneItReplacesNeverStarts() throws Exception {
        AtomicReference<Playback> next = new AtomicReference<>();
        Told told = new Told();
        session.play(List.of(sine(1000, 8000 * 5)), interrupted -> next.get().stop());
        callerPhone.receive();
        CountDownLatch loopHeld = new CountDownLatch(1);
        session.eventLoop().execute(() -> awaitUninterruptibly(loopHeld));

        next.set(session.play(List.of(sine(1000, 8000)), told)); // starts once the loop is free
        loopHeld.countDown();

        await().until(() -> told.interrupted.equals(List.of(true)));
        long sent = session.caller().counters().packetsOut();
        while (callerPhone.receiveWithin(QUIET) != null) {
            // drain what was sent before the stop
        }
        assertThat(session.caller().counters().packetsOut())
                .as("nothing sent after both stopped")
                .isEqualTo(sent);
    }

    @Test
    void closingTheSessionStopsThePlayback() {
        Told told = new Told();
        session.play(List.of(sine(1000, 8000 * 5)), told);
        callerPhone.receive();

        session.close();

        assertThat(told.interrupted).containsExactly(true);
        assertThat(session.play(List.of(sine(1000, 800)), told)).isNotNull();
        await().until(() -> told.interrupted.equals(List.of(true, true)));
    }

    @Test
    void withoutAnAddressForTheCallerThePromptStillTakesItsTime() {
        session.caller().remote(null);
        Told told = new Told();
        long start = System.nanoTime();

        session.play(List.of(sine(1000, 1600)), told);

        await().until(() -> !told.interrupted.isEmpty());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(told.interrupted).containsExactly(false);
        assertThat(elapsedMillis)
                .as("ten frames, the last sent 180 ms after the first")
                .isGreaterThanOrEqualTo(170);
        assertThat(session.caller().counters().packetsOut()).isZero();
        assertThat(callerPhone.receiveWithin(QUIET)).isNull();
    }

    @Test
    void nothingToPlayFinishesAtOnceWithoutAPacket() {
        Told told = new Told();

        session.play(List.of(), told);
        session.play(List.of(new Audio("empty", new short[0])), told);

        await().until(() -> told.interrupted.equals(List.of(false, false)));
        assertThat(callerPhone.receiveWithin(QUIET)).isNull();
    }

    @Test
    void theListenerIsToldOnTheSessionsEventLoop() {
        List<Boolean> onLoop = new CopyOnWriteArrayList<>();

        session.play(
                List.of(sine(1000, 160)),
                interrupted -> onLoop.add(session.eventLoop().inEventLoop()));

        await().until(() -> onLoop.equals(List.of(true)));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything the phone receives until the stream has been quiet for a while. */
    private List<Rtp> receiveAll() {
        List<Rtp> packets = new ArrayList<>();
        for (UdpPeer.Received received = callerPhone.receiveWithin(QUIET.multipliedBy(2));
                received != null;
                received = callerPhone.receiveWithin(QUIET)) {
            packets.add(Rtp.parse(received.data(), System.nanoTime()));
        }
        return packets;
    }

    static Audio sine(int hertz, int samples) {
        short[] tone = new short[samples];
        for (int i = 0; i < samples; i++) {
            tone[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * hertz * i / Audio.SAMPLE_RATE + 0.1));
        }
        return new Audio(hertz + " Hz", tone);
    }

    private static short[] decode(AudioCodec codec, List<Rtp> packets) {
        short[] audio = new short[packets.size() * 160];
        for (int i = 0; i < packets.size(); i++) {
            System.arraycopy(G711.decode(codec, packets.get(i).payload()), 0, audio, i * 160, 160);
        }
        return audio;
    }

    private static double rms(short[] samples) {
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / samples.length);
    }

    private static int zeroCrossings(short[] samples) {
        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                crossings++;
            }
        }
        return crossings;
    }
}
