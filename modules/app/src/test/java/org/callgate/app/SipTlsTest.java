package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.callgate.recording.RecordingKeys;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIP over TLS with real peers: a SIPp caller behind Kamailio, which speaks TLS to callgate (the
 * caller's INVITE, its ACK and BYE, and callgate's answers arrive and leave on callgate's TLS
 * listening point, with callgate's PEM certificate). The agent queue is a SIPp UAS on UDP. The
 * call is bridged and recorded.
 */
@ExtendWith(SippRequired.class)
class SipTlsTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aCallerReachingCallgateOverTlsIsBridgedAndRecorded() throws Exception {
        String missing = "kamailio and kamailio-tls-modules are not installed: run scripts/test";
        if ("1".equals(System.getenv("CALLGATE_REQUIRE_ALL"))) {
            assertThat(KamailioTls.installed()).as(missing).isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(KamailioTls.installed(), missing);
        int callgateTls = FreePorts.udpAndTcp();
        try (KamailioTls kamailio = KamailioTls.prepare(dir);
                GatewayFixture callgate =
                        GatewayFixture.withSipTransports(dir, lines(), transports(callgateTls, kamailio))) {
            kamailio.start(dir, callgateTls);
            CallSummary summary = call(callgate, kamailio);

            assertThat(summary.reason()).isEqualTo(EndReason.CALLER_HANGUP);
            assertThat(summary.recording().recorded()).isTrue();
            RecordingStore store = callgate.gateway.recordingStore();
            ObjectKey wav =
                    RecordingKeys.of(summary.callId(), summary.answered()).audio();
            await().atMost(LIMIT).until(() -> store.head(wav).isPresent());
            short[][] channels;
            try (InputStream in = store.get(wav)) {
                channels = StereoTones.channels(in.readAllBytes());
            }
            long conversation =
                    Duration.between(summary.answered(), summary.ended()).toMillis();
            assertThat(channels[0].length * 1000L / StereoTones.RATE)
                    .as("recorded for the whole conversation")
                    .isCloseTo(conversation, org.assertj.core.data.Offset.offset(100L));
            assertThat(rms(channels[0]))
                    .as("the caller's speech, relayed over TLS signalling")
                    .isGreaterThan(100);
            assertThat(kamailio.output()).doesNotContain("ERROR");
        }
    }

    private static CallSummary call(GatewayFixture callgate, KamailioTls kamailio) throws Exception {
        try (Sipp agent = callgate.agent("uas-answer.xml")
                        .calls(1)
                        .arg("-rtp_echo")
                        .timeout(LIMIT)
                        .start();
                Sipp caller = Sipp.scenario(GatewayFixture.scenario("uac-call.xml"))
                        .remote("127.0.0.1:" + kamailio.udpPort)
                        .localPort(FreePorts.udpAndTcp())
                        .mediaPort(callgate.mediaPort())
                        .service("022785044")
                        .workDir(callgate.dir)
                        .calls(1)
                        .arg("-d", "2000")
                        .timeout(LIMIT)
                        .start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s\nkamailio: %s", call, agent.output(), kamailio.output())
                    .isTrue();
            SippResult answered = agent.await(LIMIT);
            assertThat(answered.allCallsSucceeded()).as("agent: %s", answered).isTrue();
        }
        return callgate.nextEndedCall();
    }

    private static String lines() {
        return """
                recording:
                  sample-rate: 1.0
                  sampling-key: sip-tls-test
                service-lines:
                  - {id: private, name: Private customers, number: 02 278 50 44, queue: "sip:private@${AGENT}"}
                prompts-dir: ${PROMPTS}
                """;
    }

    private static String transports(int callgateTls, KamailioTls kamailio) {
        return """
                  transports: [udp, tcp, tls]
                  tls:
                    port: %d
                    certificate: %s
                    key: %s
                    trust: %s
                """.formatted(callgateTls, kamailio.certificate, kamailio.key, kamailio.certificate);
    }

    private static double rms(short[] samples) {
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }
}
