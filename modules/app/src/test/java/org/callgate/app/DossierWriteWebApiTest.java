package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callgate.audit.AuditActions;
import org.callgate.core.dossier.Dossier;
import org.callgate.index.LuceneRecordIndex;
import org.callgate.records.DossierDetails;
import org.callgate.records.Dossiers;
import org.callgate.records.RecordWriter;
import org.callgate.records.Reindexer;
import org.callgate.store.RecordingStore;
import org.callgate.store.TestProfiles;
import org.callgate.users.Role;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dossier writes through the running gateway (R2, R17): an agent creates a dossier, edits it, is
 * refused a stale edit, and checks a caller's IBAN; the store holds each version, the check is a
 * line in the notes, and the audit log has the write and the check with the dossier hashed.
 */
class DossierWriteWebApiTest {

    private static final ObjectMapper JSON = WebSession.JSON;
    private static final String PASSWORD = "long enough passphrase";

    @Test
    void anAgentShouldCreateEditAndCheckADossierInTheStore(@TempDir Path dir) throws Exception {
        new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC())
                .add("anna", Set.of(Role.AGENT), Set.of(), PASSWORD.toCharArray());
        try (GatewayFixture fixture = GatewayFixture.start(dir)) {
            String url = fixture.gateway.webUrl().orElseThrow();
            WebSession anna = WebSession.login(url, "anna", PASSWORD);
            Map<String, Object> draft = Map.of(
                    "service", "banking",
                    "name", "Peeters",
                    "firstName", "Jan",
                    "phones", List.of("0475 00 00 01"),
                    "iban", "BE71 0961 2345 6769",
                    "notes", "");

            HttpResponse<String> created = anna.send("POST", "/dossiers", draft);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String number = JSON.readTree(created.body()).get("number").asText();
            Map<String, Object> edit = new java.util.HashMap<>(draft);
            edit.put("email", "jan@example.org");
            edit.put("version", 1);
            edit.remove("iban"); // as the UI sends an edit whose IBAN was not retyped: it stays
            HttpResponse<String> edited = anna.send("PUT", "/dossiers/" + number, edit);
            HttpResponse<String> stale = anna.send("PUT", "/dossiers/" + number, edit);
            HttpResponse<String> check = anna.send(
                    "POST", "/dossiers/" + number + "/checks", Map.of("kind", "iban", "value", "be71096123456769"));

            assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(check.statusCode()).as(check.body()).isEqualTo(201);
            assertThat(JSON.readTree(check.body()).get("matches").asBoolean()).isTrue();
            assertThat(check.body()).doesNotContain("0961");
            Dossier stored = fixture.gateway.dossiers().get(number).orElseThrow();
            assertThat(stored.version()).isEqualTo(3);
            assertThat(stored.email()).isEqualTo("jan@example.org");
            assertThat(stored.iban()).as("kept by an edit without the field").isNotNull();
            assertThat(stored.retention().retentionClass()).isEqualTo("banking-dossier");
            assertThat(stored.notes()).containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ iban check ok by anna");
            List<JsonNode> entries = WebSession.auditEntries(dir.resolve("audit"));
            assertThat(entries)
                    .filteredOn(entry -> entry.get("action").asText().equals("dossier.write"))
                    .hasSize(2);
            assertThat(entries)
                    .filteredOn(entry -> entry.get("action").asText().equals("dossier.check"))
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.get("actor").asText()).isEqualTo("anna");
                        assertThat(entry.get("details").get("dossier").asText())
                                .isEqualTo(AuditActions.hashedId(number));
                        assertThat(entry.get("details").get("result").asText()).isEqualTo("ok");
                    });
            assertThat(entries.toString()).doesNotContain(number).doesNotContain("0961");
        }
    }
    /**
     * Two nodes sharing one store (ADR 0018): another node edits version 1 while an agent edits it
     * here. This node's index has not seen that edit (each node's Lucene index is its own), so its
     * own version check lets the edit through; the claim of version 2 stops it, and the agent gets
     * a 409 with the reason, then the other node's version on reload.
     */
    @Test
    void anEditOfAVersionAnotherNodeEditedMeanwhileShouldBeA409AndTheReloadShowsTheirs(@TempDir Path dir)
            throws Exception {
        new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC())
                .add("anna", Set.of(Role.AGENT), Set.of(), PASSWORD.toCharArray());
        try (GatewayFixture fixture = GatewayFixture.start(dir)) {
            WebSession anna = WebSession.login(fixture.gateway.webUrl().orElseThrow(), "anna", PASSWORD);
            Map<String, Object> draft = new java.util.HashMap<>(
                    Map.of("service", "parcels", "name", "Peeters", "phones", List.of("0475 00 00 01"), "notes", ""));
            HttpResponse<String> created = anna.send("POST", "/dossiers", draft);
            String number = JSON.readTree(created.body()).get("number").asText();
            RecordingStore store = fixture.gateway.recordingStore();
            try (LuceneRecordIndex otherIndex = LuceneRecordIndex.open(dir.resolve("other-node/index"));
                    RecordWriter otherWriter = new RecordWriter(
                            store, otherIndex, TestProfiles.DEFAULT, dir.resolve("other-node/journal"))) {
                new Reindexer(store, otherIndex).rebuild();
                Dossiers otherNode = new Dossiers(otherWriter, store, TestProfiles.DEFAULT, Clock.systemUTC());
                otherNode.update(
                        number,
                        new DossierDetails(
                                "Peeters", "", List.of("0475 00 00 01"), null, null, "edited on the other node"));
            }
            Map<String, Object> edit = new java.util.HashMap<>(draft);
            edit.put("notes", "edited here");
            edit.put("version", 1);

            HttpResponse<String> conflict = anna.send("PUT", "/dossiers/" + number, edit);
            JsonNode reloaded = anna.json("/dossiers/" + number);
            edit.put("version", 2);
            HttpResponse<String> again = anna.send("PUT", "/dossiers/" + number, edit);

            assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
            assertThat(JSON.readTree(conflict.body()).get("message").asText())
                    .isEqualTo("dossier " + number + " was changed meanwhile (on another node): version 1 was edited,"
                            + " version 2 is the latest; reload it and edit again");
            assertThat(reloaded.get("version").asInt()).isEqualTo(2);
            assertThat(reloaded.get("notes").asText()).isEqualTo("edited on the other node");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            Dossier stored = fixture.gateway.dossiers().get(number).orElseThrow();
            assertThat(stored.version()).isEqualTo(3);
            assertThat(stored.notes()).isEqualTo("edited here");
            assertThat(store.list("dossiers/" + number + "/")).hasSize(3);
        }
    }
}
