package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callgate.core.dossier.Dossier;
import org.callgate.records.DossierDetails;
import org.callgate.users.Role;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agents' live panel over a real call (R15): an agent of the service opens the event stream, a
 * SIPp caller whose number is in a dossier is routed to the service's queue, and the stream pops
 * that dossier, then tells the answer and the end.
 */
@ExtendWith(SippRequired.class)
class LiveCallWebApiTest {

    private static final ObjectMapper JSON = WebSession.JSON;
    private static final String PASSWORD = "long enough passphrase";
    private static final String LINES = """
            prompts-dir: ${PROMPTS}
            service-lines:
              - {id: private, name: Private customers, number: 02 278 50 44, queue: "sip:private@${AGENT}"}
            """;
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @Test
    void anAgentShouldSeeTheCallersDossierPopWhenTheCallIsRoutedToTheQueue() throws Exception {
        UserStore users = new UserStore(dir.resolve(UserStore.FILE_NAME), Clock.systemUTC());
        users.add("anna", Set.of(Role.AGENT), Set.of("private"), PASSWORD.toCharArray());
        try (GatewayFixture callgate = GatewayFixture.withOwnIndex(dir, LINES)) {
            Dossier dossier = callgate.gateway
                    .dossiers()
                    .create("private", new DossierDetails("Dubois", "Marie", List.of("0475 12 34 56"), null, null, ""));
            HttpResponse<InputStream> stream =
                    WebSession.login(callgate.gateway.webUrl().orElseThrow(), "anna", PASSWORD).stream("/calls/live");
            assertThat(stream.statusCode()).isEqualTo(200);
            List<JsonNode> events = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> collect(stream.body(), events));
            try {
                callgate.shortCall("022785044");

                await().atMost(LIMIT)
                        .until(() -> events.stream()
                                .anyMatch(event -> event.get("state").asText().equals("ended")));
                JsonNode routed = events.getFirst();
                assertThat(routed.get("state").asText()).isEqualTo("routing");
                assertThat(routed.get("service").asText()).isEqualTo("private");
                assertThat(routed.get("queue").asText()).startsWith("sip:private@");
                assertThat(routed.get("caller").asText()).isEqualTo("+32475123456");
                assertThat(routed.get("dossier").get("number").asText()).isEqualTo(dossier.number());
                assertThat(routed.get("dossier").get("displayName").asText()).isEqualTo("Dubois, Marie");
                assertThat(events)
                        .extracting(event -> event.get("state").asText())
                        .containsExactly("routing", "answered", "ended");
                assertThat(events)
                        .allSatisfy(event -> assertThat(event.get("callId").asText())
                                .isEqualTo(routed.get("callId").asText()));
            } finally {
                stream.body().close();
                reader.join(LIMIT);
            }
        }
    }

    /** The data of every {@code call} event until the stream closes. */
    private static void collect(InputStream body, List<JsonNode> events) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            boolean callEvent = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.replace(": ", ":").equals("event:call")) {
                    callEvent = true;
                } else if (callEvent && line.startsWith("data:")) {
                    events.add(JSON.readTree(line.substring("data:".length()).strip()));
                    callEvent = false;
                }
            }
        } catch (java.io.IOException closed) {
            // the test closed the stream
        }
    }
}
