package org.callgate.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The records index's settings, analyser and mappings ({@code records-index.json}), created when
 * the index is missing and checked when it is there: a callgate node never writes into an index
 * it did not lay out. Two nodes creating it at once is fine: the second finds it made.
 */
final class IndexSchema {

    /** Raised with the mapping's {@code _meta.callgate_schema} whenever a field changes meaning. */
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private IndexSchema() {}

    /** Creates the index when missing; returns true if this call created it. */
    static boolean ensure(OpenSearchClient client, ClusterSettings settings) throws IOException {
        String index = settings.index();
        try (Response found = client.generic()
                .execute(Requests.builder()
                        .method("GET")
                        .endpoint("/" + index + "/_mapping")
                        .build())) {
            if (found.getStatus() == 200) {
                check(index, read(found));
                return false;
            }
        }
        try (Response made = client.generic()
                .execute(Requests.builder()
                        .method("PUT")
                        .endpoint("/" + index)
                        .body(Body.from(JSON.writeValueAsBytes(definition(settings.replicas())), "application/json"))
                        .build())) {
            if (made.getStatus() == 200) {
                return true;
            }
            JsonNode answer = read(made);
            if ("resource_already_exists_exception"
                    .equals(answer.path("error").path("type").asText())) {
                return false;
            }
            throw new IOException("cannot create index " + index + ": HTTP " + made.getStatus() + " " + answer);
        }
    }

    private static void check(String index, JsonNode mappings) throws IOException {
        JsonNode meta = mappings.path(index).path("mappings").path("_meta").path("callgate_schema");
        if (meta.asInt(-1) != VERSION) {
            throw new IOException("index " + index + " exists but is not callgate's records index of schema " + VERSION
                    + " (its _meta.callgate_schema is " + (meta.isMissingNode() ? "missing" : meta.asText())
                    + "); use another index name, or delete it and run reindex");
        }
    }

    static ObjectNode definition(int replicas) {
        try (InputStream in = IndexSchema.class.getResourceAsStream("records-index.json")) {
            if (in == null) {
                throw new IllegalStateException("records-index.json missing from the class path");
            }
            ObjectNode definition = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) definition.path("settings").path("index")).put("number_of_replicas", replicas);
            return definition;
        } catch (IOException e) {
            throw new UncheckedIOException("reading records-index.json", e);
        }
    }

    private static JsonNode read(Response response) throws IOException {
        var body = response.getBody();
        if (body.isEmpty()) {
            return JSON.createObjectNode();
        }
        try (Body content = body.get()) {
            return JSON.readTree(content.bodyAsBytes());
        }
    }
}
