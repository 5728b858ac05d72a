package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.callgate.core.call.CallSummary;
import org.callgate.recording.RecordingKeys;
import org.callgate.users.Role;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compliance reports over a real banking call (R8): the completeness report finds it recorded
 * and locked from the traces in the store, and the dashboard counts it in the index as a call and
 * a recording, coverage 1.0.
 */
@ExtendWith(SippRequired.class)
class ComplianceReportsWebApiTest {

    private static final String PASSWORD = "long enough passphrase";
    private static final String LINES = """
            prompts-dir: ${PROMPTS}
            service-lines:
              - {id: banking, name: Postinfo banking, number: 02 278 50 11, queue: "sip:banking@${AGENT}"}
            """;
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @Test
    void aRecordedBankingCallShouldBeCompleteInTheReportAndFullyCoveredOnTheDashboard() throws Exception {
        new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC())
                .add("cora", Set.of(Role.COMPLIANCE), Set.of(), PASSWORD.toCharArray());
        try (GatewayFixture callgate = GatewayFixture.withLines(dir, LINES)) {
            CallSummary call = callgate.shortCall("022785011");
            RecordingKeys keys = RecordingKeys.of(call.callId(), call.answered());
            await().atMost(LIMIT)
                    .until(() -> callgate.gateway
                                    .recordingStore()
                                    .head(keys.metadata())
                                    .isPresent()
                            && callgate.gateway.pendingUploads() == 0
                            && callgate.gateway.pendingTraces() == 0);
            WebSession cora = WebSession.login(callgate.gateway.webUrl().orElseThrow(), "cora", PASSWORD);
            LocalDate day = LocalDate.ofInstant(call.started(), ZoneOffset.UTC);

            JsonNode report = cora.json("/reports/completeness?from=" + day + "&to=" + day);

            assertThat(report.get("complete").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("counts").get("ok").asInt()).isEqualTo(1);
            JsonNode line = report.get("calls").get(0);
            assertThat(line.get("callId").asText()).isEqualTo(call.callId());
            assertThat(line.get("service").asText()).isEqualTo("banking");
            assertThat(line.get("status").asText()).isEqualTo("ok");

            AtomicReference<JsonNode> banking = new AtomicReference<>();
            AtomicInteger at = new AtomicInteger();
            await().atMost(LIMIT).until(() -> {
                callgate.gateway.dossiers().refresh();
                JsonNode dashboard = cora.json("/reports/dashboard?days=2");
                java.util.List<String> days = new java.util.ArrayList<>();
                dashboard.get("days").forEach(d -> days.add(d.asText()));
                at.set(days.indexOf(day.toString()));
                banking.set(dashboard.get("services").get(0));
                return at.get() >= 0
                        && banking.get().get("recorded").get(at.get()).asLong() == 1
                        && banking.get().get("calls").get(at.get()).asLong() == 1;
            });
            assertThat(banking.get().get("service").asText()).isEqualTo("banking");
            assertThat(banking.get().get("banking").asBoolean()).isTrue();
            assertThat(banking.get().get("coverage").get(at.get()).asDouble()).isEqualTo(1.0);
        }
    }
}
