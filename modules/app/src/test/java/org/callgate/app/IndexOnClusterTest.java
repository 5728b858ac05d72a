package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.index.opensearch.ClusterSettings;
import org.callgate.index.opensearch.OpenSearchRecordIndex;
import org.callgate.index.opensearch.OpenSearchServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code index.type: opensearch} (DESIGN §7): {@code callgate index init} lays the index out on
 * the cluster, what one node writes is indexed there, and another node, with a spool and journal
 * of its own over the same store, finds it all and sees its index consistent with the store.
 */
@ExtendWith(OpenSearchServer.class)
@OpenSearchServer.Nodes(3) // the cluster ClusterTest runs on: one cluster in this test JVM, not two
class IndexOnClusterTest {

    private static final String INDEX = "app-records";

    @TempDir
    Path dir;

    @Test
    void whatNodeAWritesIsFoundFromNodeBOnTheSharedIndex(OpenSearchServer.Cluster cluster) throws Exception {
        Path nodeA = config(cluster, "a");
        Path nodeB = config(cluster, "b");

        assertThat(callgate("index", "init", "--config", nodeA.toString())).isZero();
        assertThat(mapping(cluster)).contains("\"callgate_schema\":1").contains("callgate_name");
        assertThat(callgate("generate-data", "--config", nodeA.toString(), "--dossiers", "50", "--calls", "200"))
                .isZero();

        assertThat(callgate("reindex", "--check", "--config", nodeB.toString()))
                .as("node B's view of the shared index is consistent with the store")
                .isZero();
        try (OpenSearchRecordIndex agentOnB = OpenSearchRecordIndex.open(
                ClusterSettings.of(cluster.urls()).withIndex(INDEX).withReplicas(0))) {
            agentOnB.refresh();
            assertThat(agentOnB.count(RecordKind.DOSSIER)).isEqualTo(50);
            assertThat(agentOnB.count(RecordKind.TRACE)).isEqualTo(200);
            assertThat(agentOnB.search(SearchQuery.all().only(RecordKind.TRACE)).total())
                    .isEqualTo(200);
        }
    }

    private Path config(OpenSearchServer.Cluster cluster, String node) throws Exception {
        String urls = cluster.urls().stream().map(URI::toString).collect(Collectors.joining("\", \"", "[\"", "\"]"));
        return Files.writeString(dir.resolve("node-" + node + ".yaml"), """
                store:
                  path: %s
                  spool: %s
                prompts-dir: %s
                index:
                  type: opensearch
                  opensearch:
                    urls: %s
                    index: %s
                    replicas: 0
                """.formatted(
                        dir.resolve("store"), dir.resolve("spool-" + node), GatewayFixture.PROMPTS, urls, INDEX));
    }

    private static int callgate(String... args) {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    private static String mapping(OpenSearchServer.Cluster cluster) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                            HttpRequest.newBuilder(cluster.urls().getFirst().resolve("/" + INDEX))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }
}
