package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.dossier.Dossier;
import org.callgate.recording.RecordingKeys;
import org.callgate.records.DossierDetails;
import org.callgate.users.Role;
import org.callgate.users.UserStore;

/**
 * A running gateway for the browser tests (package {@code org.callgate.app.ui}): a real YAML
 * configuration, a banking line towards a SIPp agent queue, callers identified from callgate's own
 * index, and one user per role from a real user file.
 */
public final class UiGateway implements AutoCloseable {

    public static final String PASSWORD = "long enough passphrase";
    public static final String AGENT = "anna";
    public static final String SUPERVISOR = "sam";
    public static final String COMPLIANCE = "cora";
    public static final String ADMIN = "ada";
    /** The number the SIPp caller scenarios call from ({@code From: 0475123456}). */
    public static final String CALLER = "+32475123456";

    private static final String LINES = """
            prompts-dir: ${PROMPTS}
            service-lines:
              - {id: banking, name: Postinfo banking, number: 02 278 50 11, queue: "sip:banking@${AGENT}"}
            """;
    private static final String BANKING = "022785011";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private final GatewayFixture callgate;

    private UiGateway(GatewayFixture callgate) {
        this.callgate = callgate;
    }

    public static UiGateway start(Path dir) throws Exception {
        UserStore users = new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC());
        users.add(AGENT, Set.of(Role.AGENT), Set.of(), PASSWORD.toCharArray());
        users.add(SUPERVISOR, Set.of(Role.SUPERVISOR), Set.of("banking"), PASSWORD.toCharArray());
        users.add(COMPLIANCE, Set.of(Role.COMPLIANCE), Set.of(), PASSWORD.toCharArray());
        users.add(ADMIN, Set.of(Role.ADMIN), Set.of(), PASSWORD.toCharArray());
        return new UiGateway(GatewayFixture.withOwnIndex(dir, LINES));
    }

    public String url() {
        return callgate.gateway.webUrl().orElseThrow();
    }

    /** A banking dossier with the given phone, searchable at once; its number. */
    public String dossier(String name, String firstName, String phone) throws Exception {
        Dossier dossier = callgate.gateway
                .dossiers()
                .create("banking", new DossierDetails(name, firstName, List.of(phone), null, null, null));
        callgate.gateway.dossiers().refresh();
        return dossier.number();
    }

    /**
     * A banking call of about three seconds with a tone on each side (caller 440 Hz, agent
     * 1,000 Hz), recorded, uploaded and listed; its call id.
     */
    public String recordedBankingCall() throws Exception {
        StereoTones.writeAlawTone(callgate.dir.resolve("caller.alaw"), 440);
        StereoTones.writeAlawTone(callgate.dir.resolve("agent.alaw"), 1000);
        try (Sipp agent = Sipp.scenario(GatewayFixture.scenario("uas-tone.xml"))
                        .localPort(callgate.agentPort)
                        .mediaPort(callgate.mediaPort())
                        .calls(1)
                        .workDir(callgate.dir)
                        .timeout(LIMIT)
                        .start();
                Sipp caller = Sipp.scenario(GatewayFixture.scenario("uac-tone.xml"))
                        .remote("127.0.0.1:" + callgate.sipPort)
                        .mediaPort(callgate.mediaPort())
                        .service(BANKING)
                        .calls(1)
                        .arg("-d", "3000")
                        .workDir(callgate.dir)
                        .timeout(LIMIT)
                        .start()) {
            SippResult result = caller.await(LIMIT);
            assertThat(result.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", result, agent.output())
                    .isTrue();
            agent.await(LIMIT);
        }
        CallSummary call = callgate.nextEndedCall();
        RecordingKeys keys = RecordingKeys.of(call.callId(), call.answered());
        await().atMost(LIMIT)
                .until(() ->
                        callgate.gateway.recordingStore().head(keys.metadata()).isPresent()
                                && callgate.gateway.pendingUploads() == 0);
        callgate.gateway.dossiers().refresh();
        return call.callId();
    }

    /**
     * Starts a banking call from {@link #CALLER} that the agent queue answers and that lasts
     * {@code seconds}; closing the handle waits for it to end.
     */
    public AutoCloseable ringingCall(int seconds) {
        Sipp agent = callgate.agent("uas-answer.xml").calls(1).arg("-rtp_echo").start();
        Sipp caller = Sipp.scenario(GatewayFixture.scenario("uac-short.xml"))
                .remote("127.0.0.1:" + callgate.sipPort)
                .localPort(FreePorts.udpAndTcp())
                .mediaPort(callgate.mediaPort())
                .service(BANKING)
                .calls(1)
                .arg("-d", String.valueOf(seconds * 1000))
                .workDir(callgate.dir)
                .timeout(LIMIT)
                .start();
        return () -> {
            try (agent;
                    caller) {
                caller.await(LIMIT);
            }
        };
    }

    /** How many entries of this action the audit log holds. */
    public long auditCount(String action) throws IOException {
        long count = 0;
        try (Stream<Path> files = Files.list(callgate.dir.resolve("audit"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (JSON.readTree(line).path("action").asText().equals(action)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    @Override
    public void close() {
        callgate.close();
    }
}
