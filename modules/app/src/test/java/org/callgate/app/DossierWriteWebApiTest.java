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
}
