package org.callgate.index.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.index.NameMatching;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.TotalHitsRelation;

/**
 * The reads of the cluster index: an agent's page of hits, ranked like the Lucene index's (best
 * first, then newest; newest first when browsing), and every match of a query read in one
 * scroll, a point-in-time view, for the purge and legal holds.
 */
final class ClusterSearches {

    /** Hits counted exactly up to here, as the Lucene index does; beyond, the total is "at least". */
    private static final int EXACT_TOTAL_UP_TO = 1_000;

    private static final int SCROLL_PAGE = 1_000;
    private static final Time SCROLL_KEPT = Time.of(t -> t.time("2m"));
    private static final SortOptions NEWEST =
            SortOptions.of(s -> s.field(f -> f.field(RecordSources.TIME).order(SortOrder.Desc)));
    private static final SortOptions BEST = SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc)));
    private static final SortOptions BY_DOC = SortOptions.of(s -> s.doc(d -> d.order(SortOrder.Asc)));

    private final OpenSearchClient client;
    private final String index;
    private final ClusterQueries queries;

    ClusterSearches(OpenSearchClient client, String index, ClusterQueries queries) {
        this.client = client;
        this.index = index;
        this.queries = queries;
    }

    SearchPage search(SearchQuery query) throws IOException {
        // As on Lucene: a name is first searched with one typo a word, with two only when that
        // finds nobody, so that the callers within one typo are not crowded by those within two.
        if (query.name() != null && queries.allowsTwoEdits(query.name())) {
            SearchPage close = search(query, queries.of(query, 1));
            if (close.total() > 0) {
                return close;
            }
        }
        return search(query, queries.of(query, NameMatching.MAX_EDITS));
    }

    private SearchPage search(SearchQuery query, Query cluster) throws IOException {
        List<SortOptions> order = query.browsing() ? List.of(NEWEST) : List.of(BEST, NEWEST);
        SearchResponse<ObjectNode> response = client.search(
                s -> s.index(index)
                        .query(cluster)
                        .from(query.offset())
                        .size(query.limit())
                        .sort(order)
                        .trackScores(true)
                        .trackTotalHits(t -> t.count(EXACT_TOTAL_UP_TO)),
                ObjectNode.class);
        List<SearchHit> hits = new ArrayList<>(response.hits().hits().size());
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            hits.add(RecordSources.hit(hit.source(), hit.score()));
        }
        var total = response.hits().total();
        boolean exact = total.relation() == TotalHitsRelation.Eq;
        return new SearchPage(total.value(), exact, query.offset(), hits);
    }

    /** Hands every match to {@code each}, reading only the fields of an {@link IndexedRecord}. */
    void scroll(Query query, Consumer<IndexedRecord> each) throws IOException {
        SearchResponse<ObjectNode> page = client.search(
                s -> s.index(index)
                        .query(query)
                        .size(SCROLL_PAGE)
                        .sort(BY_DOC)
                        .source(src -> src.filter(f -> f.includes(RecordSources.RETENTION_FIELDS)))
                        .scroll(SCROLL_KEPT),
                ObjectNode.class);
        String scrollId = page.scrollId();
        try {
            while (!page.hits().hits().isEmpty()) {
                page.hits().hits().forEach(hit -> each.accept(RecordSources.indexed(hit.source())));
                String current = scrollId;
                page = client.scroll(s -> s.scrollId(current).scroll(SCROLL_KEPT), ObjectNode.class);
                scrollId = page.scrollId();
            }
        } finally {
            String last = scrollId;
            if (last != null) {
                client.clearScroll(c -> c.scrollId(last));
            }
        }
    }
}
