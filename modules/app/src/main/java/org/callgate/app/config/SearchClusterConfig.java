package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.callgate.index.opensearch.ClusterSettings;

/**
 * The {@code index.opensearch:} section, used when {@code index.type} is {@code opensearch}: the
 * search cluster every callgate node of a deployment shares, so that an agent on any node finds
 * every call (DESIGN §7).
 *
 * @param urls HTTP addresses of cluster nodes, as written; list several, requests move on from
 *     one that does not answer
 * @param index the index name, the same on every node
 * @param replicas replica copies of each shard, set when callgate creates the index
 */
public record SearchClusterConfig(List<String> urls, String index, int replicas) {

    public SearchClusterConfig {
        urls = List.copyOf(urls);
        Objects.requireNonNull(index, "index");
    }

    public static SearchClusterConfig defaults() {
        return new SearchClusterConfig(List.of("http://127.0.0.1:9200"), ClusterSettings.DEFAULT_INDEX, 1);
    }

    @JsonCreator
    static SearchClusterConfig fromYaml(
            @JsonProperty("urls") List<String> urls,
            @JsonProperty("index") String index,
            @JsonProperty("replicas") Integer replicas) {
        SearchClusterConfig d = defaults();
        return new SearchClusterConfig(
                Objects.requireNonNullElse(urls, d.urls()),
                Objects.requireNonNullElse(index, d.index()),
                Objects.requireNonNullElse(replicas, d.replicas()));
    }

    /**
     * The client's settings.
     *
     * @throws IllegalArgumentException naming what is wrong (an address, the index name, replicas)
     */
    public ClusterSettings toSettings() {
        return new ClusterSettings(urls.stream().map(SearchClusterConfig::url).toList(), index, replicas);
    }

    private static URI url(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an http(s) address of a cluster node: " + text, e);
        }
    }
}
