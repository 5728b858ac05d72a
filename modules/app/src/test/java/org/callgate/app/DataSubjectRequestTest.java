package org.callgate.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.callgate.core.call.CallSummary;
import org.callgate.recording.RecordingKeys;
import org.callgate.users.Role;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Data-subject requests carried out on real calls (R3, R8, R12, R20, R22): a caller with a banking
 * dossier makes a banking call and a sampled call through the gateway (SIPp); compliance exports
 * their records through the API, corrects their name, then erases them. The sampled recording and the call traces go
 * from the store and the index; the banking recording and dossier stay, restricted, with R8 and R3
 * named; agents no longer find the caller; a rebuild of the index and a restart bring nothing back.
 */
@ExtendWith(SippRequired.class)
class DataSubjectRequestTest {

    /** Every non-banking call sampled, as for the objections. */
    private static final String LINES = ObjectionTest.LINES;

    private static final String PASSWORD = "long enough passphrase";
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private GatewayFixture callgate;

    @AfterEach
    void stop() {
        if (callgate != null) {
            callgate.close();
        }
    }

    @Test
    void anExportHoldsBothCallsAndAnErasureLeavesOnlyWhatTheLawKeepsRestricted() throws Exception {
        UserStore users = new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC());
        users.add("cora", Set.of(Role.COMPLIANCE), Set.of(), PASSWORD.toCharArray());
        users.add("ada", Set.of(Role.AGENT), Set.of(), PASSWORD.toCharArray());
        callgate = GatewayFixture.withLines(dir, LINES);
        String url = callgate.gateway.webUrl().orElseThrow();
        WebSession ada = WebSession.login(url, "ada", PASSWORD);
        WebSession cora = WebSession.login(url, "cora", PASSWORD);
        HttpResponse<String> created = ada.send(
                "POST",
                "/dossiers",
                Map.of("service", "banking", "name", "Peeters", "phones", List.of("0475 12 34 56"), "notes", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String dossier = WebSession.JSON.readTree(created.body()).get("number").asText();
        CallSummary banking = stored(callgate.shortCall("022785011"));
        CallSummary sampled = stored(callgate.shortCall("022785044"));

        Map<String, byte[]> zip = unzip(export(cora));
        assertThat(zip.keySet())
                .contains(
                        "dossiers/" + dossier + ".json",
                        "calls/" + banking.callId() + "/trace.json",
                        "calls/" + banking.callId() + "/recording.wav",
                        "calls/" + sampled.callId() + "/trace.json",
                        "calls/" + sampled.callId() + "/recording.wav",
                        "manifest.json",
                        "summary.html");

        String rectification = open(cora, "rectification");
        HttpResponse<String> rectified = cora.send(
                "POST", "/requests/" + rectification + "/rectify", Map.of("dossier", dossier, "name", "Peters"));
        assertThat(rectified.statusCode()).as(rectified.body()).isEqualTo(200);
        assertThat(rectified.body())
                .contains("kept by law (R3): banking-dossier for 10 years; not shown or searchable");
        assertThat(ada.json("/dossiers/" + dossier).toString())
                .contains("Peters")
                .doesNotContain("Peeters");

        JsonNode report = carriedOut(cora, open(cora, "erasure"));

        RecordingKeys gone = RecordingKeys.of(sampled.callId(), sampled.answered());
        RecordingKeys kept = RecordingKeys.of(banking.callId(), banking.answered());
        assertThat(callgate.gateway.recordingStore().head(gone.audio())).isEmpty();
        assertThat(callgate.gateway.recordingStore().head(gone.metadata())).isEmpty();
        assertThat(callgate.gateway.recordingStore().head(kept.audio())).isPresent();
        assertThat(reasonsKept(report))
                .containsEntry("dossier " + dossier, true)
                .containsEntry("recording " + banking.callId(), true)
                .hasSize(2);
        assertThat(report.get("text").asText()).contains("kept by law (R3)").contains("kept by law (R8)");
        assertThat(recordingsListed(cora)).containsExactly(banking.callId());
        assertThat(agentFinds(ada, "0475123456")).isZero();
        assertThat(WebSession.auditEntries(dir.resolve("audit")))
                .anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("request.carry-out"))
                .anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("request.export"))
                .noneSatisfy(e -> assertThat(e.toString()).contains("Peters"))
                .noneSatisfy(e -> assertThat(e.toString()).contains("475123456"));

        callgate.close();
        callgate = null;
        assertThat(reindex()).isZero();
        callgate = GatewayFixture.withLines(dir, LINES);
        WebSession coraAgain = WebSession.login(callgate.gateway.webUrl().orElseThrow(), "cora", PASSWORD);
        WebSession adaAgain = WebSession.login(callgate.gateway.webUrl().orElseThrow(), "ada", PASSWORD);
        assertThat(recordingsListed(coraAgain)).containsExactly(banking.callId());
        assertThat(agentFinds(adaAgain, "0475123456"))
                .as("restricted after a restart")
                .isZero();
    }

    /** The call, once its recording and trace are in the store and the index. */
    private CallSummary stored(CallSummary call) {
        RecordingKeys keys = RecordingKeys.of(call.callId(), call.answered());
        await().atMost(LIMIT)
                .until(() ->
                        callgate.gateway.recordingStore().head(keys.metadata()).isPresent()
                                && callgate.gateway.pendingUploads() == 0
                                && callgate.gateway.pendingTraces() == 0);
        return call;
    }

    private static String open(WebSession cora, String type) throws Exception {
        HttpResponse<String> opened = cora.send(
                "POST", "/requests", Map.of("type", type, "phones", List.of("+32 475 12 34 56"), "via", "letter"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String id = WebSession.JSON.readTree(opened.body()).get("id").asText();
        HttpResponse<String> verified = cora.send("POST", "/requests/" + id + "/verify", Map.of("method", "ID card"));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return id;
    }

    private static byte[] export(WebSession cora) throws Exception {
        String id = open(cora, "access");
        HttpResponse<byte[]> zip = cora.bytes("/requests/" + id + "/export", null);
        assertThat(zip.statusCode()).isEqualTo(200);
        return zip.body();
    }

    private static JsonNode carriedOut(WebSession cora, String id) throws Exception {
        HttpResponse<String> done = cora.send("POST", "/requests/" + id + "/carry-out", Map.of());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return WebSession.JSON.readTree(done.body());
    }

    /** "kind id" of each record kept, and whether it was restricted. */
    private static Map<String, Boolean> reasonsKept(JsonNode outcome) {
        Map<String, Boolean> kept = new LinkedHashMap<>();
        for (JsonNode line : outcome.get("report").get("records")) {
            if (line.get("outcome").asText().equals("kept")) {
                kept.put(
                        line.get("kind").asText() + " " + line.get("id").asText(),
                        line.get("restricted").asBoolean());
            }
        }
        return kept;
    }

    private List<String> recordingsListed(WebSession cora) throws Exception {
        callgate.gateway.dossiers().refresh();
        List<String> ids = new ArrayList<>();
        cora.json("/recordings").forEach(r -> ids.add(r.get("callId").asText()));
        return ids;
    }

    private static int agentFinds(WebSession ada, String number) throws Exception {
        return ada.json("/dossiers?q=" + number).get("hits").size();
    }

    private int reindex() {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
        try {
            return new CommandLine(new Main())
                    .execute("reindex", "--config", dir.resolve("callgate.yaml").toString());
        } finally {
            System.setOut(stdout);
        }
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
