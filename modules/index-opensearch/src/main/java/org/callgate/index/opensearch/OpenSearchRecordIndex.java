package org.callgate.index.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.ivr.KnownCaller;
import org.callgate.index.NameMatching;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RecordIndex} on an OpenSearch cluster, which every callgate node of a deployment
 * shares, so that an agent on any node finds every call (DESIGN §7). It passes the same contract
 * test as the Lucene index: the same fields, the same name matching ({@link NameMatching}), the
 * same retention queries.
 *
 * <p>Writes go in bulk ({@link BulkBuffer}) and replace the document of the same kind and id, so a
 * record indexed twice (a journal replayed after a crash, two nodes) is still one document. A
 * dossier carries its version as the document's external version: an older version written late
 * never replaces a newer one. {@link #commit()} returns once the cluster has taken every write:
 * OpenSearch writes each into its translog on the primary and the replicas before it answers.
 * Searches see writes within the index's refresh interval (1 s), at once after {@link #refresh()}.
 */
public final class OpenSearchRecordIndex implements RecordIndex {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchRecordIndex.class);

    private final ClusterClient cluster;
    private final String index;
    private final BulkBuffer writes;
    private final ClusterSearches searches;
    private final ClusterMaintenance maintenance;

    private OpenSearchRecordIndex(ClusterClient cluster, String index) {
        this.cluster = cluster;
        this.index = index;
        this.writes = new BulkBuffer(cluster.client(), index);
        this.searches = new ClusterSearches(cluster.client(), index, new ClusterQueries(new NameMatching()));
        this.maintenance = new ClusterMaintenance(cluster.client(), index);
    }

    /**
     * Connects to the cluster and opens the records index, creating it with callgate's mappings
     * when it is missing ({@code callgate index init} does only that).
     *
     * @throws UncheckedIOException when no node answers or the index is not callgate's
     */
    public static OpenSearchRecordIndex open(ClusterSettings settings) {
        ClusterClient cluster = ClusterClient.connect(settings);
        try {
            if (IndexSchema.ensure(cluster.client(), settings)) {
                LOG.info(
                        "index {}: created on {} with {} replicas",
                        settings.index(),
                        settings.urls(),
                        settings.replicas());
            }
            return new OpenSearchRecordIndex(cluster, settings.index());
        } catch (IOException | OpenSearchException | UncheckedIOException e) {
            cluster.close();
            throw new UncheckedIOException(
                    "cannot open index " + settings.index() + " on " + settings.urls() + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    public String name() {
        return index;
    }

    @Override
    public void put(Dossier dossier) {
        Map<String, Object> doc = RecordSources.of(dossier);
        String id = RecordSources.docId(RecordKind.DOSSIER, dossier.number());
        writes.add(BulkOperation.of(b -> b.index(
                i -> i.id(id).document(doc).version((long) dossier.version()).versionType(VersionType.ExternalGte))));
    }

    @Override
    public void put(CallTrace trace) {
        put(trace, null);
    }

    @Override
    public void put(CallTrace trace, String batchKey) {
        replace(RecordKind.TRACE, trace.callId(), RecordSources.of(trace, batchKey));
    }

    @Override
    public void put(RecordingRef recording) {
        replace(RecordKind.RECORDING, recording.callId(), RecordSources.of(recording));
    }

    private void replace(RecordKind kind, String id, Map<String, Object> doc) {
        String docId = RecordSources.docId(kind, id);
        writes.add(BulkOperation.of(b -> b.index(i -> i.id(docId).document(doc))));
    }

    /**
     * With {@code on}, a bulk load (a rebuild): the index stops refreshing every second until it is
     * off again. Writes still replace by id: that costs the cluster nothing more than an add.
     */
    @Override
    public void appendOnly(boolean on) {
        call("set the refresh for a bulk load", () -> {
            maintenance.bulkLoad(on);
            return null;
        });
    }

    @Override
    public SearchPage search(SearchQuery query) {
        return call("search", () -> searches.search(query));
    }

    /** The caller's most recently changed dossier (R15). */
    @Override
    public Optional<KnownCaller> identify(PhoneNumber caller) {
        SearchPage page = search(
                SearchQuery.all().withPhone(caller).only(RecordKind.DOSSIER).page(0, 1));
        return page.hits().stream().findFirst().map(hit -> new KnownCaller(hit.id(), null, null));
    }

    @Override
    public Optional<Integer> dossierVersion(String number) {
        writes.flush();
        return call("read dossier " + number, () -> {
            var found = cluster.client()
                    .get(
                            g -> g.index(index)
                                    .id(RecordSources.docId(RecordKind.DOSSIER, number))
                                    .sourceIncludes(RecordSources.VERSION),
                            ObjectNode.class);
            return found.found() && found.source() != null
                    ? Optional.of(found.source().path(RecordSources.VERSION).asInt())
                    : Optional.<Integer>empty();
        });
    }

    @Override
    public long countExpired(Instant now) {
        return count(ClusterQueries.expired(now));
    }

    @Override
    public long deleteExpired(Instant now) {
        refresh();
        long deleted = deleteByQuery("records past retain-until", ClusterQueries.expired(now));
        LOG.info("index {}: {} records past retain-until at {} removed", index, deleted, now);
        return deleted;
    }

    @Override
    public void delete(RecordKind kind, String id) {
        String docId = RecordSources.docId(kind, id);
        writes.add(BulkOperation.of(b -> b.delete(d -> d.id(docId))));
    }

    @Override
    public void delete(RecordKind kind, Collection<String> ids) {
        ids.forEach(id -> delete(kind, id));
    }

    @Override
    public void forEachDue(Instant now, Consumer<IndexedRecord> each) {
        refresh();
        call("read the records due", () -> {
            searches.scroll(ClusterQueries.expired(now), each);
            return null;
        });
    }

    @Override
    public List<IndexedRecord> linkedTo(String dossier) {
        return listOf(ClusterQueries.term(RecordSources.DOSSIER, dossier));
    }

    @Override
    public List<IndexedRecord> ofCaller(PhoneNumber caller) {
        return listOf(ClusterQueries.term(RecordSources.PHONES, caller.e164()));
    }

    @Override
    public List<IndexedRecord> ofCall(String callId) {
        return listOf(ClusterQueries.term(RecordSources.CALL_IDS, callId));
    }

    private List<IndexedRecord> listOf(Query query) {
        refresh();
        List<IndexedRecord> records = new ArrayList<>();
        call("list records", () -> {
            searches.scroll(query, records::add);
            return null;
        });
        return records;
    }

    @Override
    public void expungeDeletes() {
        writes.flush();
        call("reclaim the space of removed records", () -> {
            maintenance.expunge();
            return null;
        });
        refresh();
    }

    @Override
    public void deleteAll() {
        writes.flush();
        deleteByQuery("every record", Query.of(q -> q.matchAll(m -> m)));
    }

    @Override
    public long count(RecordKind kind) {
        return count(ClusterQueries.term(RecordSources.KIND, kind.name()));
    }

    private long count(Query query) {
        return call(
                "count",
                () -> cluster.client().count(c -> c.index(index).query(query)).count());
    }

    private long deleteByQuery(String what, Query query) {
        return call("delete " + what, () -> maintenance.delete(what, query));
    }

    /** Sends every write and makes it visible to searches. */
    @Override
    public void refresh() {
        writes.flush();
        call("refresh", () -> cluster.client().indices().refresh(r -> r.index(index)));
    }

    /** Returns once the cluster has taken every write so far; they are then durable there. */
    @Override
    public void commit() {
        writes.flush();
    }

    /** Sends what waits, then disconnects; the index stays on the cluster. */
    @Override
    public void close() {
        try {
            writes.close();
        } finally {
            cluster.close();
        }
    }

    /** The number of writes not yet sent to the cluster. */
    int unsent() {
        return writes.waiting();
    }

    private <T> T call(String what, ClusterCall<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException("index " + index + ": cannot " + what + ": " + e.getMessage(), e);
        } catch (OpenSearchException e) {
            throw new UncheckedIOException(
                    "index " + index + ": cannot " + what + ": " + e.getMessage(), new IOException(e));
        }
    }

    @FunctionalInterface
    private interface ClusterCall<T> {
        T run() throws IOException;
    }
}
