package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.PhoneNumber;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.dossier.TraceRecording;
import org.callgate.core.ivr.InMemoryCallIndex;
import org.callgate.core.ivr.IvrTrace;
import org.callgate.core.ivr.KnownCaller;
import org.callgate.core.recording.RecordingDecision;
import org.callgate.recording.RecordingKeys;
import org.callgate.records.CallTraces;
import org.callgate.records.DossierDetails;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caller's number at work: a known caller's dossier (R15), from a stand-in and from the real
 * index, with the call in the dossier's history (R1); the SMS link for mobiles (R9); callbacks (R5),
 * which may state their service (R8).
 */
@ExtendWith(SippRequired.class)
class IvrCallerTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aKnownCallerSkipsTheLanguageMenuAndTheAgentGetsTheDossier() throws Exception {
        InMemoryCallIndex callers = new InMemoryCallIndex()
                .put(PhoneNumber.parse("0475 12 34 56"), new KnownCaller("D-2026-0042", "fr", null));
        try (GatewayFixture callgate = GatewayFixture.withLines(dir, IvrFlowTest.LINES, callers)) {
            Path caller = new IvrScenarios().pause(500).rfc4733('2').caller(dir, "known-caller");
            Path agent = IvrScenarios.agentExpecting(
                    dir,
                    "dossier-agent",
                    Map.of(
                            "X-Callgate-Dossier",
                            "D-2026-0042",
                            "X-Callgate-Language",
                            "fr",
                            "X-Callgate-Ivr-Path",
                            "2"));

            run(callgate, caller, agent, "022785044");

            assertThat(callgate.nextEndedCall().route().language()).isEqualTo("fr");
        }
    }

    @Test
    void aCallerWhoseNumberIsInADossierIsIdentifiedFromTheIndexAndTheCallJoinsTheDossiersHistory() throws Exception {
        try (GatewayFixture callgate = GatewayFixture.withOwnIndex(dir, IvrFlowTest.LINES)) {
            Dossier dossier = callgate.gateway
                    .dossiers()
                    .create(
                            "private",
                            new DossierDetails("Dubôis", "Marie", List.of("0475 12 34 56"), null, null, null));
            Path caller =
                    new IvrScenarios().pause(500).rfc4733('1').rfc4733('2').caller(dir, "indexed-caller");
            Path agent =
                    IvrScenarios.agentExpecting(dir, "indexed-agent", Map.of("X-Callgate-Dossier", dossier.number()));

            run(callgate, caller, agent, "022785044");

            CallSummary summary = callgate.nextEndedCall();
            assertThat(summary.route().dossier()).isEqualTo(dossier.number());
            // The trace, and the recording too when the call was sampled, both linked to the dossier.
            List<Tuple> expected = summary.recording().recorded()
                    ? List.of(tuple(RecordKind.TRACE, summary.callId()), tuple(RecordKind.RECORDING, summary.callId()))
                    : List.of(tuple(RecordKind.TRACE, summary.callId()));
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(callgate.gateway
                                    .dossiers()
                                    .open(dossier.number())
                                    .orElseThrow()
                                    .history())
                            .extracting(SearchHit::kind, SearchHit::id)
                            .containsExactlyInAnyOrderElementsOf(expected));
            SearchHit trace = callgate.gateway
                    .dossiers()
                    .search(SearchQuery.of("+32 475 12 34 56").only(RecordKind.TRACE))
                    .hits()
                    .getFirst();
            assertThat(trace.dossier()).isEqualTo(dossier.number());
            assertThat(trace.retention().retentionClass()).isEqualTo("trace");
        }
    }

    @Test
    void aMobileCallerWhoPressesTheSmsKeyGetsExactlyOneSmsWithTheLinkAndTheCallEnds() throws Exception {
        try (GatewayFixture callgate = GatewayFixture.withLines(dir, IvrFlowTest.LINES);
                Sipp caller = Sipp.scenario(
                                new IvrScenarios().pause(4500).rfc4733('9').caller(dir, "sms-caller"))
                        .remote("127.0.0.1:" + callgate.sipPort)
                        .localPort(FreePorts.udpAndTcp())
                        .mediaPort(callgate.mediaPort())
                        .service("022011111")
                        .workDir(dir)
                        .timeout(LIMIT)
                        .start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("the caller got BYE from callgate: %s", call)
                    .isTrue();

            CallSummary summary = callgate.nextEndedCall();
            assertThat(summary.reason()).isEqualTo(EndReason.SELF_SERVICE);
            assertThat(summary.ivrTrace()).isEqualTo(new IvrTrace(true, true, null));
        }
        List<String> outbox = Files.readAllLines(dir.resolve("sms-outbox.jsonl"));
        assertThat(outbox).hasSize(1);
        JsonNode sms = new ObjectMapper().readTree(outbox.get(0));
        assertThat(sms.get("to").asText()).isEqualTo("+32475123456");
        assertThat(sms.get("text").asText()).contains("https://track.example.be");
        assertThat(sms.get("serviceLine").asText()).isEqualTo("business");
    }

    @Test
    void anAgentCallbackFromAServiceLineReachesTheOutboundTrunkAsThatLinesCall() throws Exception {
        try (GatewayFixture callgate = GatewayFixture.withLines(dir, IvrFlowTest.LINES)) {
            Path caller = IvrScenarios.callback(dir, "agent-callback", "022785044");
            Path trunk = IvrScenarios.agentExpecting(
                    dir,
                    "trunk",
                    Map.of(
                            "To",
                            ".sip:\\+32475123456@",
                            "X-Callgate-Service",
                            "private",
                            "X-Callgate-Direction",
                            "callback",
                            "X-Callgate-Recording",
                            "(yes;reason=sampled;class=recording|no;reason=not-sampled)"));

            run(callgate, caller, trunk, "0475123456");

            CallSummary summary = callgate.nextEndedCall();
            assertThat(summary.serviceLine()).isEqualTo("private");
            assertThat(summary.caller()).isEqualTo("+32475123456");
            assertThat(summary.agentLeg().packetsIn()).isGreaterThan(20);
            assertThat(summary.recording())
                    .as("a callback is that line's call for recording too (R5)")
                    .isEqualTo(new RecordingDecision(0.5, IvrFlowTest.SAMPLING_KEY, Set.of("banking"))
                            .decide(summary.callId(), "private", false, null));
        }
    }

    @Test
    void aCallbackStatingTheBankingServiceIsRecordedAndKeptAsABankingCallAndItsTraceSaysSo() throws Exception {
        try (GatewayFixture callgate = GatewayFixture.withLines(dir, IvrFlowTest.LINES)) {
            Path caller = IvrScenarios.callback(dir, "banking-callback", "022785044");
            Files.writeString(
                    caller,
                    Files.readString(caller)
                            .replaceFirst(
                                    "Max-Forwards: 70\n", "Max-Forwards: 70\n      X-Callgate-Service: banking\n"));
            Path trunk = IvrScenarios.agentExpecting(
                    dir,
                    "banking-trunk",
                    Map.of(
                            "X-Callgate-Service",
                            "banking",
                            "X-Callgate-Recording",
                            "yes;reason=banking-mifid;class=banking-recording"));

            run(callgate, caller, trunk, "0475123456");

            CallSummary summary = callgate.nextEndedCall();
            assertThat(summary.serviceLine()).isEqualTo("private");
            assertThat(summary.service()).as("the stated service (R5, R8)").isEqualTo("banking");
            RecordingStore store = callgate.gateway.recordingStore();
            ObjectKey audio =
                    RecordingKeys.of(summary.callId(), summary.answered()).audio();
            ObjectInfo wav = await().atMost(Duration.ofSeconds(20))
                    .until(() -> store.head(audio).orElse(null), w -> w != null);
            assertThat(wav.retention().mode()).isEqualTo(LockMode.COMPLIANCE);
            assertThat(wav.retention().retainUntil())
                    .isEqualTo(summary.answered()
                            .atOffset(ZoneOffset.UTC)
                            .plusYears(10)
                            .toInstant());
            await().atMost(Duration.ofSeconds(20)).until(() -> callgate.gateway.pendingTraces() == 0);
            CallTrace trace = new CallTraces(store)
                    .between(summary.started(), summary.ended())
                    .getFirst();
            assertThat(trace.service()).isEqualTo("banking");
            assertThat(trace.recording()).isEqualTo(new TraceRecording(true, "banking-mifid", "banking-recording"));
        }
    }

    private static void run(GatewayFixture callgate, Path callerScenario, Path agentScenario, String dialled) {
        try (Sipp agent = Sipp.scenario(agentScenario)
                        .localPort(callgate.agentPort)
                        .mediaPort(callgate.mediaPort())
                        .calls(1)
                        .arg("-rtp_echo", "-d", "1500")
                        .workDir(callgate.dir)
                        .timeout(LIMIT)
                        .start();
                Sipp caller = Sipp.scenario(callerScenario)
                        .remote("127.0.0.1:" + callgate.sipPort)
                        .localPort(FreePorts.udpAndTcp())
                        .mediaPort(callgate.mediaPort())
                        .service(dialled)
                        .workDir(callgate.dir)
                        .timeout(LIMIT)
                        .start()) {
            SippResult call = caller.await(LIMIT);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", call, agent.output())
                    .isTrue();
            assertThat(agent.await(LIMIT).allCallsSucceeded())
                    .as("agent: %s", agent.output())
                    .isTrue();
        }
    }
}
