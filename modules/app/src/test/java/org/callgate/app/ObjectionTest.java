package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callgate.app.config.RetentionFiles;
import org.callgate.core.PhoneNumber;
import org.callgate.core.call.CallSummary;
import org.callgate.core.recording.Recording;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.RequestType;
import org.callgate.records.RightsRequests;
import org.callgate.store.file.FileRecordingStore;
import org.callgate.users.Role;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An objection in the request register applies to real calls (R12, R14): the objecting caller's
 * next call to a sampled line is not recorded, with the decision {@code objection}, while their
 * banking call still is (R8). The register is read from the store at start-up, so an objection
 * recorded while the gateway was stopped holds after the restart.
 */
@ExtendWith(SippRequired.class)
class ObjectionTest {

    /** Every non-banking call sampled, so that only the objection can keep one from being recorded. */
    static final String LINES = """
            prompts-dir: ${PROMPTS}
            recording:
              sample-rate: 1.0
            service-lines:
              - {id: banking, name: Postinfo banking, number: 02 278 50 11, queue: "sip:banking@${AGENT}"}
              - {id: private, name: Private customers, number: 02 278 50 44, queue: "sip:private@${AGENT}"}
            """;
    /** The number SIPp's caller scenarios call from. */
    private static final String SIPP_CALLER = "0475123456";

    @TempDir
    Path dir;

    private GatewayFixture callgate;

    @AfterEach
    void stop() throws Exception {
        if (callgate != null) {
            callgate.close();
        }
    }

    @Test
    void theObjectingCallersSampledCallIsNotRecordedAfterARestartButTheirBankingCallIs() throws Exception {
        callgate = GatewayFixture.withLines(dir, LINES);
        assertThat(callgate.shortCall("022785044").recording().reason()).isEqualTo(Recording.Reason.SAMPLED);
        callgate.close();
        callgate = null;

        try (FileRecordingStore store = new FileRecordingStore(dir.resolve("store"), Clock.systemUTC())) {
            RightsRequests register = RightsRequests.load(
                    store,
                    RetentionFiles.load(GatewayFixture.PROMPTS.resolveSibling("retention"), "default"),
                    Clock.systemUTC());
            register.open(
                    RequestType.OBJECTION,
                    new DataSubject(List.of(PhoneNumber.parse(SIPP_CALLER)), List.of(), null, null),
                    null,
                    "desk",
                    "dpo");
        }
        callgate = GatewayFixture.withLines(dir, LINES);

        CallSummary sampled = callgate.shortCall("022785044");
        assertThat(sampled.recording().reason()).isEqualTo(Recording.Reason.OBJECTION);
        assertThat(sampled.recording().headerValue()).isEqualTo("no;reason=objection");
        assertThat(sampled.recording().recorded()).isFalse();
        CallSummary banking = callgate.shortCall("022785011");
        assertThat(banking.recording().reason()).isEqualTo(Recording.Reason.BANKING_MIFID);
        assertThat(banking.recording().recorded()).isTrue();
    }

    @Test
    void anObjectionAnAgentLogsThroughTheApiAppliesFromTheCallersNextCallAndAfterARestart() throws Exception {
        new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC())
                .add("ada", Set.of(Role.AGENT), Set.of(), "long enough passphrase".toCharArray());
        callgate = GatewayFixture.withLines(dir, LINES);
        assertThat(callgate.shortCall("022785044").recording().reason()).isEqualTo(Recording.Reason.SAMPLED);

        WebSession agent = WebSession.login(callgate.gateway.webUrl().orElseThrow(), "ada", "long enough passphrase");
        var logged = agent.send(
                "POST", "/requests", Map.of("type", "objection", "phones", List.of("0475 12 34 56"), "via", "call"));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);

        assertThat(callgate.shortCall("022785044").recording().reason()).isEqualTo(Recording.Reason.OBJECTION);
        assertThat(callgate.shortCall("022785011").recording().reason()).isEqualTo(Recording.Reason.BANKING_MIFID);
        assertThat(WebSession.auditEntries(dir.resolve("audit")))
                .anySatisfy(entry -> {
                    assertThat(entry.get("action").asText()).isEqualTo("request.open");
                    assertThat(entry.get("actor").asText()).isEqualTo("ada");
                })
                .noneSatisfy(entry -> assertThat(entry.toString()).contains("475123456"));

        callgate.close();
        callgate = GatewayFixture.withLines(dir, LINES);
        assertThat(callgate.shortCall("022785044").recording().reason()).isEqualTo(Recording.Reason.OBJECTION);
    }
}
