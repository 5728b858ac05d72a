package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * List recordings and play their audio: who sees what, the masked caller, byte ranges, the reason
 * and the audit entry written before any byte.
 */
class RecordingApiTest {

    private static final String SAMPLED_AUDIO = "/api/v1/recordings/" + AccessFakes.SAMPLED + "/audio";
    private static final String BANKING_AUDIO = "/api/v1/recordings/" + AccessFakes.BANKING + "/audio";

    private static AccessFakes fakes;
    private static WebServer server;
    private static ApiClient supervisor;
    private static ApiClient compliance;
    private static ApiClient agent;

    @BeforeAll
    static void start() {
        fakes = new AccessFakes();
        server = fakes.start();
        supervisor = new ApiClient(server);
        supervisor.login("supervisor", AccessFakes.PASSWORD);
        compliance = new ApiClient(server);
        compliance.login("compliance", AccessFakes.PASSWORD);
        agent = new ApiClient(server);
        agent.login("agent", AccessFakes.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void auditWorksAgain() {
        fakes.auditFails.set(false);
    }

    private static List<String> callIds(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        ApiClient.body(response).forEach(node -> ids.add(node.get("callId").asText()));
        return ids;
    }

    @Test
    void aSupervisorShouldSeeOnlySampledRecordingsOfTheirServicesWithTheCallerMasked() {
        var response = supervisor.get("/api/v1/recordings");

        assertThat(callIds(response)).containsExactly(AccessFakes.SAMPLED);
        var first = ApiClient.body(response).get(0);
        assertThat(first.get("caller").asText()).isEqualTo("+324******56").doesNotContain("470123");
        assertThat(first.get("banking").asBoolean()).isFalse();
        assertThat(first.get("retentionClass").asText()).isEqualTo("sampled");
        assertThat(first.get("durationSeconds").asInt()).isEqualTo(95);
        assertThat(first.get("legalHold").asBoolean()).isFalse();
    }

    @Test
    void complianceShouldSeeBankingRecordingsWithTheCallerInClear() {
        var response = compliance.get("/api/v1/recordings");

        assertThat(callIds(response)).containsExactly(AccessFakes.BANKING);
        assertThat(ApiClient.body(response).get(0).get("caller").asText()).isEqualTo(AccessFakes.CALLER);
    }

    @Test
    void filtersShouldReachTheSpiAndBadOnesGet400() {
        var response = compliance.get("/api/v1/recordings?service=bank&from=2026-03-01T00:00:00Z"
                + "&to=2026-03-03T00:00:00Z&number=0470123456&dossier=D2026-000001&limit=5");

        assertThat(callIds(response)).containsExactly(AccessFakes.BANKING);
        var filter = fakes.filters.getLast();
        assertThat(filter.service()).isEqualTo("bank");
        assertThat(filter.number()).isEqualTo("+32470123456");
        assertThat(filter.dossier()).isEqualTo("D2026-000001");
        assertThat(filter.limit()).isEqualTo(5);
        assertThat(filter.from()).hasToString("2026-03-01T00:00:00Z");
        for (String bad : List.of("from=yesterday", "limit=0", "limit=201", "number=abc", "service=a%20b")) {
            assertThat(compliance.get("/api/v1/recordings?" + bad).statusCode())
                    .as(bad)
                    .isEqualTo(400);
        }
    }

    @Test
    void theWholeAudioShouldComeWithAcceptRanges() {
        var response = supervisor.getBytes(SAMPLED_AUDIO + "?reason=spot%20check");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("audio/wav");
        assertThat(response.headers().firstValue("accept-ranges")).hasValue("bytes");
        assertThat(response.body()).isEqualTo(AccessFakes.AUDIO);
    }

    @Test
    void aRangeShouldGet206WithContentRange() {
        var response = supervisor.getBytes(SAMPLED_AUDIO + "?reason=C-2026-17", "Range", "bytes=100-199");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("content-range")).hasValue("bytes 100-199/1000");
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(AccessFakes.AUDIO, 100, 200));

        var open = supervisor.getBytes(SAMPLED_AUDIO + "?reason=C-2026-17", "Range", "bytes=990-");
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.headers().firstValue("content-range")).hasValue("bytes 990-999/1000");
        assertThat(open.body()).hasSize(10);

        var suffix = supervisor.getBytes(SAMPLED_AUDIO + "?reason=C-2026-17", "Range", "bytes=-4");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.headers().firstValue("content-range")).hasValue("bytes 996-999/1000");
    }

    @Test
    void anUnsatisfiableRangeShouldGet416AndNoAuditEntry() {
        int before = fakes.entries("recording.read").size();

        var response = supervisor.getBytes(SAMPLED_AUDIO + "?reason=C-2026-17", "Range", "bytes=1000-1100");
        var backwards = supervisor.getBytes(SAMPLED_AUDIO + "?reason=C-2026-17", "Range", "bytes=50-10");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("content-range")).hasValue("bytes */1000");
        assertThat(backwards.statusCode()).isEqualTo(416);
        assertThat(fakes.entries("recording.read")).hasSize(before);
    }

    @Test
    void aMissingOrBlankReasonShouldGet400() {
        assertThat(supervisor.getBytes(SAMPLED_AUDIO).statusCode()).isEqualTo(400);
        assertThat(supervisor.getBytes(SAMPLED_AUDIO + "?reason=%20%20").statusCode())
                .isEqualTo(400);
        assertThat(supervisor.getBytes(SAMPLED_AUDIO + "?reason=a%0Ab").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aSupervisorAskingForABankingRecordingShouldGet403() {
        int opened = fakes.opened.get();

        var banking = supervisor.getBytes(BANKING_AUDIO + "?reason=spot%20check");
        var otherService = supervisor.getBytes("/api/v1/recordings/" + AccessFakes.OTHER + "/audio?reason=x");
        var complianceOnSampled = compliance.getBytes(SAMPLED_AUDIO + "?reason=x");

        assertThat(banking.statusCode()).isEqualTo(403);
        assertThat(otherService.statusCode()).isEqualTo(403);
        assertThat(complianceOnSampled.statusCode()).isEqualTo(403);
        assertThat(fakes.opened.get()).isEqualTo(opened);
    }

    @Test
    void agentsShouldGet403AndUnknownRecordings404() {
        assertThat(agent.get("/api/v1/recordings").statusCode()).isEqualTo(403);
        assertThat(agent.getBytes(SAMPLED_AUDIO + "?reason=x").statusCode()).isEqualTo(403);
        assertThat(compliance.getBytes("/api/v1/recordings/nope/audio?reason=x").statusCode())
                .isEqualTo(404);
    }

    @Test
    void everyPlayShouldBeAuditedWithTheReasonAndTheRange() {
        int before = fakes.entries("recording.read").size();

        var response = compliance.getBytes(BANKING_AUDIO + "?reason=complaint%20C-2026-17", "Range", "bytes=0-43");

        assertThat(response.statusCode()).isEqualTo(206);
        var reads = fakes.entries("recording.read");
        assertThat(reads).hasSize(before + 1);
        assertThat(reads.getLast().actor()).isEqualTo("compliance");
        assertThat(reads.getLast().details())
                .containsEntry("call", AccessFakes.BANKING)
                .containsEntry("reason", "complaint C-2026-17")
                .containsEntry("range", "0-43/1000");
    }

    @Test
    void whenTheAuditWriteFailsNothingShouldBeSent() {
        int opened = fakes.opened.get();
        fakes.auditFails.set(true);

        var response = supervisor.getBytes(SAMPLED_AUDIO + "?reason=spot%20check");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("RIFF");
        assertThat(fakes.opened.get()).isEqualTo(opened);
    }
}
