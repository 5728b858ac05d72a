package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code index:} section: which index holds dossiers, call traces and recordings (a Lucene
 * index on this node's disk, or an OpenSearch cluster that several nodes share, DESIGN §7), and
 * how often it commits. The index is derived from the store (DESIGN §2): losing it loses nothing
 * ({@code callgate reindex}); what a crash cuts off since the last commit is indexed again at the
 * next start from the journal, which stays on this node's disk whatever the type.
 *
 * @param type {@value #LUCENE} or {@value #OPENSEARCH}
 * @param path the Lucene index directory; null: {@code index} next to {@code store.spool}, so that
 *     each callgate's local state (spool, index, journal) stays together
 * @param commitInterval how often the index commits; at most this much indexing is redone after a crash
 * @param opensearch the cluster, for {@value #OPENSEARCH}
 */
public record IndexConfig(String type, Path path, Duration commitInterval, SearchClusterConfig opensearch) {

    public static final String LUCENE = "lucene";
    public static final String OPENSEARCH = "opensearch";

    public IndexConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(opensearch, "opensearch");
    }

    public IndexConfig(Path path, Duration commitInterval) {
        this(LUCENE, path, commitInterval, SearchClusterConfig.defaults());
    }

    public static IndexConfig defaults() {
        return new IndexConfig(null, Duration.ofSeconds(30));
    }

    /** This configuration with the index on the OpenSearch cluster {@code cluster}. */
    public IndexConfig onCluster(SearchClusterConfig cluster) {
        return new IndexConfig(OPENSEARCH, path, commitInterval, cluster);
    }

    /** The index directory: {@link #path()}, or {@code index} beside the spool. */
    public Path directory(StoreConfig store) {
        return path != null ? path : store.spool().toAbsolutePath().normalize().resolveSibling("index");
    }

    /** The journal of records on their way into the index: beside the index directory. */
    public Path journal(StoreConfig store) {
        Path index = directory(store).toAbsolutePath().normalize();
        return index.resolveSibling(index.getFileName() + "-journal");
    }

    @JsonCreator
    static IndexConfig fromYaml(
            @JsonProperty("type") String type,
            @JsonProperty("path") String path,
            @JsonProperty("commit-interval") Duration commitInterval,
            @JsonProperty("opensearch") SearchClusterConfig opensearch) {
        IndexConfig d = defaults();
        return new IndexConfig(
                Objects.requireNonNullElse(type, d.type()),
                path == null ? null : Path.of(path),
                Objects.requireNonNullElse(commitInterval, d.commitInterval()),
                Objects.requireNonNullElse(opensearch, d.opensearch()));
    }
}
