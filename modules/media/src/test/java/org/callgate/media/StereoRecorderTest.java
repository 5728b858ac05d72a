package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.callgate.core.media.AudioCodec;
import org.callgate.core.media.LegSide;
import org.junit.jupiter.api.Test;

class StereoRecorderTest {

    private static final long START = 1_000_000;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final StereoRecorder recorder = new StereoRecorder(START, written::writeBytes);

    /** A 20 ms A-law frame whose every sample decodes to {@code level}'s code. */
    private static ByteBuf frame(byte code) {
        byte[] payload = new byte[160];
        java.util.Arrays.fill(payload, code);
        return Unpooled.wrappedBuffer(payload);
    }

    private void send(LegSide side, long ssrc, long timestamp, byte code, long arrivalMillis) {
        ByteBuf payload = frame(code);
        recorder.accept(side, AudioCodec.PCMA, ssrc, timestamp, payload, 0, 160, arrivalMillis);
        payload.release();
    }

    private short[][] channels() {
        ByteBuffer b = ByteBuffer.wrap(written.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        int frames = b.remaining() / 4;
        short[][] out = new short[2][frames];
        for (int i = 0; i < frames; i++) {
            out[0][i] = b.getShort();
            out[1][i] = b.getShort();
        }
        return out;
    }

    private static final byte LOUD = (byte) 0xAA; // A-law code of a large positive sample
    private static final byte QUIET = (byte) 0x2A; // A-law code of a large negative sample

    @Test
    void callerAudioGoesLeftAndAgentAudioRightAtTheirArrivalTimes() {
        for (int i = 0; i < 50; i++) {
            send(LegSide.CALLER, 1, 1000 + 160L * i, LOUD, START + 20 + 20L * i);
            send(LegSide.AGENT, 2, 77_000 + 160L * i, QUIET, START + 520 + 20L * i);
        }
        recorder.finish(START + 2000);

        short[][] ch = channels();
        assertThat(ch[0]).hasSize(16_000);
        assertThat(recorder.frames()).isEqualTo(16_000);
        short loud = G711.alawDecode(LOUD);
        short quiet = G711.alawDecode(QUIET);
        // caller: 0..1000 ms (its first packet arrived at 20 ms and holds the 20 ms before it)
        assertThat(ch[0][0]).isEqualTo(loud);
        assertThat(ch[0][7_999]).isEqualTo(loud);
        assertThat(ch[0][8_000]).isZero();
        // agent: 500..1500 ms, only on the right
        assertThat(ch[1][3_999]).isZero();
        assertThat(ch[1][4_000]).isEqualTo(quiet);
        assertThat(ch[1][11_999]).isEqualTo(quiet);
        assertThat(ch[1][12_000]).isZero();
        assertThat(ch[1][0]).isZero();
    }

    @Test
    void aLostPacketLeavesExactlyItsTwentyMillisecondsOfSilence() {
        for (int i = 0; i < 10; i++) {
            if (i != 4) {
                send(LegSide.CALLER, 1, 160L * i, LOUD, START + 20 + 20L * i);
            }
        }
        recorder.finish(START + 400);

        short[][] ch = channels();
        short loud = G711.alawDecode(LOUD);
        assertThat(ch[0][4 * 160 - 1]).isEqualTo(loud);
        assertThat(ch[0][4 * 160]).isZero();
        assertThat(ch[0][5 * 160 - 1]).isZero();
        assertThat(ch[0][5 * 160]).isEqualTo(loud);
    }

    @Test
    void jitteredArrivalsArePlacedByTimestampNotByArrival() {
        send(LegSide.CALLER, 1, 0, LOUD, START + 20);
        send(LegSide.CALLER, 1, 160, QUIET, START + 75); // 35 ms late
        send(LegSide.CALLER, 1, 320, LOUD, START + 76);
        recorder.finish(START + 200);

        short[][] ch = channels();
        assertThat(ch[0][159]).isEqualTo(G711.alawDecode(LOUD));
        assertThat(ch[0][160]).isEqualTo(G711.alawDecode(QUIET));
        assertThat(ch[0][319]).isEqualTo(G711.alawDecode(QUIET));
        assertThat(ch[0][320]).isEqualTo(G711.alawDecode(LOUD));
    }

    @Test
    void aNewSsrcOrATimestampJumpReanchorsTheLegAtItsArrival() {
        send(LegSide.AGENT, 1, 0, LOUD, START + 20);
        recorder.flush(START + 1500); // as the session does, every 500 ms
        // after a hold of 1.5 s the sender resumes with a timestamp that only moved 20 ms
        send(LegSide.AGENT, 1, 160, QUIET, START + 1520);
        send(LegSide.AGENT, 9, 123_456, LOUD, START + 2020);
        recorder.finish(START + 2100);

        short[][] ch = channels();
        assertThat(ch[1][160]).isZero();
        assertThat(ch[1][12_000]).isEqualTo(G711.alawDecode(QUIET));
        assertThat(ch[1][12_159]).isEqualTo(G711.alawDecode(QUIET));
        assertThat(ch[1][16_000]).isEqualTo(G711.alawDecode(LOUD));
    }

    @Test
    void flushingWritesOnlyWhatIsOlderThanTheHoldBackAndAPacketLaterThanThatIsCountedLate() {
        send(LegSide.CALLER, 1, 0, LOUD, START + 20);
        recorder.flush(START + 1000);
        assertThat(written.size()).isEqualTo((1000 - StereoRecorder.HOLD_BACK_MILLIS) * 8 * 4);

        send(LegSide.CALLER, 1, 160L * 10, LOUD, START + 1000); // its place, 200 ms, is already written
        assertThat(recorder.lateSamples()).isEqualTo(160);
    }

    @Test
    void aFinishedRecordingTakesNoMoreAudioAndWritesNothingMore() {
        send(LegSide.CALLER, 1, 0, LOUD, START + 20);
        recorder.finish(START + 1000);
        int size = written.size();

        send(LegSide.CALLER, 1, 160L * 60, LOUD, START + 1200);
        recorder.flush(START + 5000);
        recorder.finish(START + 6000);

        assertThat(written.size()).isEqualTo(size).isEqualTo(1000 * 8 * 4);
        assertThat(recorder.frames()).isEqualTo(8000);
        assertThat(recorder.lateSamples()).isZero();
    }

    @Test
    void aPacketArrivingEarlierThanItsPlaceReanchorsAndASlowSenderIsPulledBack() {
        send(LegSide.CALLER, 1, 0, LOUD, START + 100); // delayed first packet: anchored 80 ms late
        send(LegSide.CALLER, 1, 160, QUIET, START + 40); // arrives 80 ms before its place
        assertThat(recorder.lateSamples()).isZero();
        for (int i = 2; i < 60; i++) { // then every packet 30 ms behind its timestamp's place
            send(LegSide.CALLER, 1, 160L * i, LOUD, START + 20 + 20L * i + 30);
        }
        recorder.finish(START + 2000);

        short[][] ch = channels();
        assertThat(ch[0][160]).isEqualTo(G711.alawDecode(QUIET)); // 20-40 ms, where it arrived
        // packet 51 ends the first full window of late packets: it and the rest move 30 ms later
        int shifted = (51 * 20 + 30) * 8;
        assertThat(ch[0][shifted]).isEqualTo(G711.alawDecode(LOUD));
        assertThat(ch[0][shifted - 1]).isZero();
    }

    @Test
    void aRecordingEndedWithAudioAheadOfItsEndPassesNoneOfItToTheNextRecordingOnItsRing() {
        RingPool pool = new RingPool(1);
        StereoRecorder first = new StereoRecorder(START, bytes -> {}, pool);
        ByteBuf payload = frame(LOUD);
        // 160 samples placed ahead of the end: arrival 1000 ms, the recording ends at 900 ms
        first.accept(LegSide.CALLER, AudioCodec.PCMA, 1, 0, payload, 0, 160, START + 1000);
        payload.release();
        first.finish(START + 900);
        assertThat(pool.size()).isEqualTo(1);

        ByteArrayOutputStream next = new ByteArrayOutputStream();
        StereoRecorder second = new StereoRecorder(START, next::writeBytes, pool);
        second.finish(START + 1500);

        assertThat(pool.size()).isEqualTo(1);
        assertThat(next.toByteArray()).hasSize(1500 * 8 * 4).containsOnly((byte) 0);
    }

    @Test
    void theRecordingLastsFromStartToFinishEvenWhenNothingWasReceived() {
        recorder.flush(START + 5_000);
        recorder.finish(START + 12_345);

        assertThat(recorder.frames()).isEqualTo(12_345 * 8);
        assertThat(written.size()).isEqualTo(12_345 * 8 * 4);
        short[][] ch = channels();
        for (short[] channel : ch) {
            for (short s : channel) {
                assertThat(s).isZero();
            }
        }
    }
}
