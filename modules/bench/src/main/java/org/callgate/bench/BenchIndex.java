package org.callgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.index.LuceneRecordIndex;
import org.callgate.index.opensearch.ClusterSettings;
import org.callgate.index.opensearch.OpenSearchRecordIndex;

/**
 * The index {@link IndexBench} measures, opened fresh: the Lucene index in a directory, or the
 * records index on an OpenSearch cluster ({@link OpenSearchRecordIndex}). Besides the {@link
 * RecordIndex} itself, each says which index it is ({@code key=value} lines) and how big it is:
 * Lucene the files in its directory, OpenSearch the store size of the index's shards from its
 * {@code _stats} (the primaries, comparable to Lucene's one copy, and all copies with replicas).
 */
sealed interface BenchIndex extends AutoCloseable {

    /** Megabytes (10^6 bytes) of one copy of the index and of all its copies. */
    record Size(double primaryMb, double allCopiesMb) {}

    RecordIndex index();

    /** {@code key=value} lines that tell which backend and index this is. */
    List<String> describe() throws IOException;

    Size size() throws IOException;

    @Override
    void close();

    /**
     * Opens the backend named by {@code args[0]}: {@code lucene DIR}, or {@code opensearch
     * URL[,URL...] INDEX REPLICAS}.
     */
    static BenchIndex open(List<String> args) throws IOException {
        return switch (args.isEmpty() ? "" : args.get(0)) {
            case "lucene" -> {
                Path dir = Path.of(args.get(1));
                yield new Lucene(dir, LuceneRecordIndex.open(dir, 256));
            }
            case "opensearch" -> {
                List<URI> urls = Arrays.stream(args.get(1).split(","))
                        .map(String::trim)
                        .map(URI::create)
                        .toList();
                ClusterSettings settings =
                        ClusterSettings.of(urls).withIndex(args.get(2)).withReplicas(Integer.parseInt(args.get(3)));
                Cluster cluster = new Cluster(settings, OpenSearchRecordIndex.open(settings), Cluster.newHttp());
                cluster.awaitReplicas();
                yield cluster;
            }
            default ->
                throw new IllegalArgumentException("backend must be lucene DIR or opensearch URLS INDEX REPLICAS");
        };
    }

    /** The Lucene index in {@code dir}. */
    record Lucene(Path dir, LuceneRecordIndex index) implements BenchIndex {

        @Override
        public List<String> describe() {
            return List.of("backend=lucene", "lucene_dir=" + dir);
        }

        @Override
        public Size size() throws IOException {
            try (Stream<Path> files = Files.list(dir)) {
                double mb = files.mapToLong(f -> f.toFile().length()).sum() / 1e6;
                return new Size(mb, mb);
            }
        }

        @Override
        public void close() {
            index.close();
        }
    }

    /**
     * The records index on an OpenSearch cluster. What the client API does not show (the cluster,
     * the index's shards, its store size) is read over plain HTTP from the first node listed.
     */
    record Cluster(ClusterSettings settings, OpenSearchRecordIndex index, HttpClient http) implements BenchIndex {

        private static final ObjectMapper JSON = new ObjectMapper();

        static HttpClient newHttp() {
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        }

        /**
         * Waits until the new index's replicas are assigned (green), up to a minute: a load that
         * starts before has no replica to write to, then pays for a recovery. A replica that
         * cannot be placed (no other node) leaves the index yellow, which {@link #describe} shows.
         */
        void awaitReplicas() throws IOException {
            get("/_cluster/health/" + settings.index() + "?wait_for_status=green&timeout=60s", 408);
        }

        @Override
        public List<String> describe() throws IOException {
            JsonNode root = get("/");
            JsonNode health = get("/_cluster/health/" + settings.index());
            JsonNode indexSettings = get("/" + settings.index() + "/_settings")
                    .path(settings.index())
                    .path("settings")
                    .path("index");
            List<String> heaps = new ArrayList<>();
            get("/_nodes/jvm")
                    .path("nodes")
                    .forEach(node -> heaps.add(String.format(
                            Locale.ROOT,
                            "%.0f",
                            node.path("jvm")
                                            .path("mem")
                                            .path("heap_max_in_bytes")
                                            .asLong()
                                    / 1_048_576.0)));
            heaps.sort(null);
            return List.of(
                    "backend=opensearch",
                    "opensearch_version=" + root.path("version").path("number").asText(),
                    "opensearch_urls="
                            + String.join(
                                    ",",
                                    settings.urls().stream().map(URI::toString).toList()),
                    "opensearch_nodes=" + health.path("number_of_nodes").asInt(),
                    "opensearch_node_heaps_mib=" + String.join(",", heaps),
                    "opensearch_status=" + health.path("status").asText(),
                    "opensearch_index=" + settings.index(),
                    "opensearch_shards="
                            + indexSettings.path("number_of_shards").asText(),
                    "opensearch_replicas="
                            + indexSettings.path("number_of_replicas").asText(),
                    "opensearch_refresh_interval="
                            + indexSettings.path("refresh_interval").asText("1s"));
        }

        /** The store size of the index's segments; not the translog, which a flush empties. */
        @Override
        public Size size() throws IOException {
            JsonNode all = get("/" + settings.index() + "/_stats/store").path("_all");
            return new Size(
                    all.path("primaries").path("store").path("size_in_bytes").asLong() / 1e6,
                    all.path("total").path("store").path("size_in_bytes").asLong() / 1e6);
        }

        private JsonNode get(String path) throws IOException {
            return get(path, 200);
        }

        /** GETs {@code path} from the first node; an answer other than 200 or {@code alsoFine} is an error. */
        private JsonNode get(String path, int alsoFine) throws IOException {
            URI base = settings.urls().getFirst();
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(90))
                    .GET()
                    .build();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200 && response.statusCode() != alsoFine) {
                    throw new IOException("GET " + request.uri() + ": HTTP " + response.statusCode() + " "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                return JSON.readTree(response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted: GET " + request.uri(), e);
            }
        }

        @Override
        public void close() {
            try {
                index.close();
            } finally {
                http.close();
            }
        }
    }
}
