package org.callgate.index.opensearch;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the cluster is and which index holds callgate's records.
 *
 * @param urls the HTTP address of one or more cluster nodes; requests go round-robin and move on
 *     from a node that does not answer, so list several
 * @param index the index name; every callgate node of one deployment uses the same
 * @param replicas the replica copies of each shard, set when the index is created: 1 or more on a
 *     cluster of several nodes, so that losing one loses nothing
 */
public record ClusterSettings(List<URI> urls, String index, int replicas) {

    public static final String DEFAULT_INDEX = "callgate-records";

    /** OpenSearch's rule for index names, the part callgate needs: lower case, no separators. */
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,199}");

    public ClusterSettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no cluster node address");
        }
        for (URI url : urls) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) address of a cluster node: " + url);
            }
        }
        Objects.requireNonNull(index, "index");
        if (!INDEX_NAME.matcher(index).matches()) {
            throw new IllegalArgumentException(
                    "not an index name (lower case letters, digits, '_', '.', '-'): " + index);
        }
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more: " + replicas);
        }
    }

    public static ClusterSettings of(List<URI> urls) {
        return new ClusterSettings(urls, DEFAULT_INDEX, 1);
    }

    public ClusterSettings withIndex(String name) {
        return new ClusterSettings(urls, name, replicas);
    }

    public ClusterSettings withReplicas(int count) {
        return new ClusterSettings(urls, index, count);
    }
}
