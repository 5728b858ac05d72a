package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.records.DossierDetails;
import org.callgate.store.Digests;
import org.callgate.store.ObjectKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An access or portability request (R12, R20) answered with one zip: every record about the caller,
 * checked file by file against the store, their recordings as WAV, a manifest with digests and a
 * readable summary; nothing of another banking customer (the dossier's service) or other caller, nor of someone else who called
 * about the caller's dossier, nor an agent's name.
 */
class SubjectExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRANGER = "+32471000111";

    @TempDir
    Path dir;

    private SubjectFixture fixture;
    private Map<String, byte[]> zip;
    private SubjectExport.Summary summary;
    /** Another banking customer's dossier: the same service as the subject's. */
    private String otherBankingDossier;

    @BeforeEach
    void export() throws Exception {
        fixture = new SubjectFixture(dir);
        RetentionWorld world = fixture.world;
        world.dossiers.update(
                fixture.dossier.number(),
                new DossierDetails(
                        "Peeters",
                        "An",
                        List.of(SubjectFixture.CALLER),
                        null,
                        null,
                        "2026-06-05T10:00Z identity check ok by agent-7"));
        CallTrace aboutTheirDossier = new CallTrace(
                "call-foreign",
                PhoneNumber.parse(STRANGER),
                "private",
                "banking",
                world.clock.instant(),
                List.of(),
                "",
                "2",
                false,
                false,
                fixture.dossier.number(),
                new RecordRetention("trace", world.clock.instant().plusSeconds(86_400 * 365L), false));
        world.writer.writeAll(List.of(), List.of(aboutTheirDossier));
        world.dossiers.linkCall(fixture.dossier.number(), "call-foreign"); // an agent linked it to the dossier
        otherBankingDossier = world.dossier("banking", SubjectFixture.OTHER).number();
        world.trace("call-other-bank", SubjectFixture.OTHER, otherBankingDossier);
        world.recording("call-other-bank", SubjectFixture.OTHER, "banking", otherBankingDossier);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        summary = new SubjectExport(world.store, world.index, fixture.outbox, world.clock)
                .write("R9", SubjectFixture.subject(), out);
        zip = unzip(out.toByteArray());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void theExportHoldsEveryRecordOfTheCallerAsTheStoreHasIt() throws Exception {
        String number = fixture.dossier.number();
        assertThat(zip.keySet())
                .containsExactlyInAnyOrder(
                        "dossiers/" + number + ".json",
                        "calls/call-bank/trace.json",
                        "calls/call-bank/recording.json",
                        "calls/call-bank/recording.wav",
                        "calls/call-parcel/trace.json",
                        "calls/call-parcel/recording.json",
                        "calls/call-parcel/recording.wav",
                        "calls/call-parcel/survey.json",
                        "sms.json",
                        "summary.html",
                        "manifest.json");
        JsonNode versions = JSON.readTree(zip.get("dossiers/" + number + ".json"));
        assertThat(versions).hasSize(3);
        assertThat(versions.get(1).path("phones").get(0).asText()).isEqualTo(SubjectFixture.CALLER);
        assertThat(zip.get("calls/call-bank/recording.wav")).isEqualTo(stored(fixture.banking));
        assertThat(zip.get("calls/call-parcel/recording.wav")).isEqualTo(stored(fixture.sampled));
        assertThat(zip.get("calls/call-parcel/recording.json"))
                .isEqualTo(stored(SubjectFixture.metadata(fixture.sampled)));
        assertThat(zip.get("calls/call-parcel/survey.json")).isEqualTo(stored(fixture.survey));
        assertThat(JSON.readTree(zip.get("calls/call-parcel/trace.json"))
                        .path("callId")
                        .asText())
                .isEqualTo("call-parcel");
        JsonNode sms = JSON.readTree(zip.get("sms.json"));
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0).path("id").asText()).isEqualTo("sms-1");
        assertThat(summary.records()).hasSize(6);
        assertThat(summary.othersLeftOut()).isEqualTo(1);
    }

    @Test
    void theManifestListsEveryFileWithItsDigest() throws Exception {
        JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
        assertThat(manifest.path("request").asText()).isEqualTo("R9");
        assertThat(manifest.path("callsOfOthersLeftOut").asInt()).isEqualTo(1);
        assertThat(manifest.path("files")).hasSize(zip.size() - 1);
        for (JsonNode file : manifest.path("files")) {
            byte[] content = zip.get(file.path("name").asText());
            assertThat(content).as(file.path("name").asText()).isNotNull();
            assertThat(file.path("sha256").asText()).isEqualTo(Digests.sha256Hex(content));
        }
        assertThat(Digests.sha256Hex(zip.get("manifest.json"))).isEqualTo(summary.manifestSha256());
        String html = new String(zip.get("summary.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("banking-recording").contains("call-parcel").contains("SMS messages sent to you: 1");
    }

    @Test
    void nothingOfAnotherCallerOrOfAnAgentIsInTheExport() {
        for (Map.Entry<String, byte[]> file : zip.entrySet()) {
            if (file.getKey().endsWith(".wav")) {
                continue;
            }
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            assertThat(text)
                    .as(file.getKey())
                    .doesNotContain(SubjectFixture.OTHER)
                    .doesNotContain("call-other")
                    .doesNotContain("sms-2")
                    .doesNotContain(STRANGER)
                    .doesNotContain("call-foreign")
                    .doesNotContain("call-other-bank")
                    .doesNotContain(otherBankingDossier)
                    .doesNotContain("agent-7");
        }
        assertThat(new String(zip.get("dossiers/" + fixture.dossier.number() + ".json"), StandardCharsets.UTF_8))
                .contains("identity check ok by an agent");
    }

    private byte[] stored(ObjectKey key) throws Exception {
        try (InputStream in = fixture.world.store.get(key)) {
            return in.readAllBytes();
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
