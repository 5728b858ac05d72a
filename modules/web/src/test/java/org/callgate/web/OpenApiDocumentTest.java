package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document and the served routes list the same paths, both ways. */
class OpenApiDocumentTest {

    @Test
    void everyServedRouteShouldBeInTheDocumentAndViceVersa() throws Exception {
        try (WebServer server = new AccessFakes().start()) {
            var response = new WebClient(server).get(WebServer.OPENAPI_PATH);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode document = WebClient.json(response);
            assertThat(document.get("openapi").asText()).startsWith("3.");
            List<String> documented = new ArrayList<>();
            document.get("paths").fieldNames().forEachRemaining(documented::add);

            assertThat(server.exactPaths()).containsExactlyInAnyOrderElementsOf(documented);
            assertThat(server.exactPaths())
                    .contains(
                            WebServer.OPENAPI_PATH,
                            "/health",
                            "/metrics",
                            "/api/v1/session",
                            "/api/v1/dossiers",
                            "/api/v1/dossiers/{number}",
                            "/api/v1/recordings",
                            "/api/v1/recordings/{callId}/audio");
        }
    }
}
