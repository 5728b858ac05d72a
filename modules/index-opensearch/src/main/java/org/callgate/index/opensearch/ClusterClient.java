package org.callgate.index.opensearch;

import java.io.IOException;
import java.net.URI;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official Java client on every listed node: requests go round-robin over the nodes and move
 * on from one that does not answer (the transport marks it dead and tries it again later), so a
 * node lost from the cluster costs a retry, not a failed request.
 */
final class ClusterClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterClient.class);

    private final OpenSearchTransport transport;
    private final OpenSearchClient client;

    private ClusterClient(OpenSearchTransport transport) {
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
    }

    static ClusterClient connect(ClusterSettings settings) {
        HttpHost[] hosts = settings.urls().stream().map(ClusterClient::host).toArray(HttpHost[]::new);
        OpenSearchTransport transport = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .build();
        return new ClusterClient(transport);
    }

    private static HttpHost host(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 9200;
        return new HttpHost(url.getScheme(), url.getHost(), port);
    }

    OpenSearchClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.warn("closing the connection to the search cluster: {}", e.getMessage());
        }
    }
}
