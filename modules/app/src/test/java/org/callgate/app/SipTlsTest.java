package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * SIP over TLS with real peers, on both legs: a SIPp caller behind Kamailio, which speaks TLS to
 * callgate (the caller's INVITE, its ACK and BYE, and callgate's answers arrive and leave on
 * callgate's TLS listening point, with callgate's PEM certificate), and a {@code sips:} agent queue
 * that callgate calls over TLS through the same Kamailio, which relays to a SIPp agent. The call
 * is bridged and recorded, and both BYEs cross TLS along the record-routes.
 */
@ExtendWith(SippRequired.class)
class SipTlsTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aCallOverTlsOnBothLegsIsBridgedAndRecorded() throws Exception {
        String missing = "kamailio and kamailio-tls-modules are not installed: run scripts/test";
        if ("1".equals(System.getenv("CALLGATE_REQUIRE_ALL"))) {
            assertThat(KamailioTls.installed()).as(missing).isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(KamailioTls.installed(), missing);
        int callgateTls = FreePorts.udpAndTcp();
        try (KamailioTls kamailio = KamailioTls.prepare(dir);
                GatewayFixture callgate =
                        GatewayFixture.withSipTransports(dir, lines(kamailio), transports(callgateTls, kamailio))) {
            kamailio.start(dir, callgateTls, callgate.agentPort);
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
        try (Sipp agent = callgate.agent(agentOverTls(callgate.dir))
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

    /**
     * The shipped agent scenario, failing the call unless callgate's own {@code Via} (below
     * Kamailio's) says the INVITE left callgate over TLS.
     */
    private static Path agentOverTls(Path dir) throws Exception {
        String scenario = Files.readString(GatewayFixture.scenario("uas-answer.xml"), StandardCharsets.ISO_8859_1);
        String check = "<action>\n      <ereg regexp=\"Via: SIP/2.0/TLS 127.0.0.1\" search_in=\"msg\""
                + " check_it=\"true\" assign_to=\"dummy\"/>";
        Path agent = dir.resolve("uas-answer-tls.xml");
        Files.writeString(agent, scenario.replaceFirst("<action>", check), StandardCharsets.ISO_8859_1);
        return agent;
    }

    private static String lines(KamailioTls kamailio) {
        return """
                recording:
                  sample-rate: 1.0
                  sampling-key: sip-tls-test
                service-lines:
                  - {id: private, name: Private customers, number: 02 278 50 44, queue: "sips:private@127.0.0.1:%d"}
                prompts-dir: ${PROMPTS}
                """.formatted(kamailio.tlsPort);
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
