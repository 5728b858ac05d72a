package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import org.callgate.media.G711;
import org.callgate.media.WavClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caller really hears the prompts: decoded RTP is speech, as long as the prompt files. */
class PromptAudioTest {

    @TempDir
    Path dir;

    @Test
    void theCallerReceivesTheGreetingMenuAndSmsOfferAsAudibleRtpOfTheirDuration() throws Exception {
        Duration expected = WavClips.read(GatewayFixture.PROMPTS.resolve("nl/welcome-business.wav"))
                .duration()
                .plus(WavClips.read(GatewayFixture.PROMPTS.resolve("nl/language.wav"))
                        .duration())
                .plus(WavClips.read(GatewayFixture.PROMPTS.resolve("nl/sms-offer.wav"))
                        .duration()); // a mobile caller (R9)
        try (GatewayFixture callgate = GatewayFixture.withLines(dir, IvrFlowTest.LINES);
                RawCaller caller = new RawCaller(callgate.sipPort)) {
            String answer = caller.call("022011111");
            assertThat(answer).contains("m=audio ").contains(" RTP/AVP 8 101");

            Stream stream = receiveUntilSilence(caller);
            caller.hangUp("022011111");

            assertThat(stream.packets * 20L)
                    .as("ms of audio received")
                    .isBetween((long) (expected.toMillis() * 0.9), (long) (expected.toMillis() * 1.1));
            assertThat(stream.rms()).as("RMS of the decoded A-law").isGreaterThan(500);
            assertThat(stream.payloadType).isEqualTo(8);
        }
    }

    /** Reads RTP until none arrives for 600 ms (the IVR's no-input wait). */
    private static Stream receiveUntilSilence(RawCaller caller) throws Exception {
        Stream stream = new Stream();
        caller.rtp().setSoTimeout(3000);
        byte[] buffer = new byte[1500];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                caller.rtp().receive(packet);
            } catch (SocketTimeoutException silence) {
                return stream;
            }
            caller.rtp().setSoTimeout(600);
            stream.add(buffer, packet.getLength());
        }
    }

    private static final class Stream {
        int packets;
        int payloadType = -1;
        double sumOfSquares;
        long samples;

        void add(byte[] packet, int length) {
            packets++;
            payloadType = packet[1] & 0x7f;
            for (int i = 12; i < length; i++) {
                double sample = G711.alawDecode(packet[i]);
                sumOfSquares += sample * sample;
                samples++;
            }
        }

        double rms() {
            return Math.sqrt(sumOfSquares / Math.max(1, samples));
        }
    }
}
