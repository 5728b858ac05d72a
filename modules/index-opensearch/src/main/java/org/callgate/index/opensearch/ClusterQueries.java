package org.callgate.index.opensearch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.index.NameMatching;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The cluster's query for an agent's {@link SearchQuery}, clause for clause the one the Lucene
 * index builds: every criterion must hold, exact fields are term queries, each word of a name
 * matches exactly (scored twice) or within its typos ({@link NameMatching}), filters do not score.
 */
final class ClusterQueries {

    private final NameMatching names;

    ClusterQueries(NameMatching names) {
        this.names = names;
    }

    /** Whether a name search should first try one typo a word: see {@link NameMatching}. */
    boolean allowsTwoEdits(String name) {
        return names.allowsTwoEdits(name);
    }

    Query of(SearchQuery query, int maxEdits) {
        BoolQuery.Builder all = new BoolQuery.Builder();
        List<Query> must = new ArrayList<>();
        if (query.phone() != null) {
            must.add(term(RecordSources.PHONES, query.phone().e164()));
        }
        if (query.dossier() != null) {
            must.add(term(RecordSources.DOSSIER, query.dossier()));
        }
        if (query.barcode() != null) {
            must.add(term(RecordSources.BARCODES, query.barcode()));
        }
        if (query.iban() != null) {
            must.add(term(RecordSources.IBAN, query.iban().value()));
        }
        if (query.callId() != null) {
            must.add(term(RecordSources.CALL_IDS, query.callId()));
        }
        if (query.name() != null) {
            must.add(name(query.name(), maxEdits));
        }
        if (must.isEmpty()) {
            must.add(Query.of(q -> q.matchAll(m -> m)));
        }
        all.must(must);
        all.filter(filters(query));
        return Query.of(q -> q.bool(all.build()));
    }

    private static List<Query> filters(SearchQuery query) {
        List<Query> filters = new ArrayList<>();
        if (query.service() != null) {
            filters.add(term(RecordSources.SERVICE, query.service()));
        }
        if (query.from() != null || query.to() != null) {
            filters.add(Query.of(q -> q.range(r -> {
                r.field(RecordSources.TIME);
                if (query.from() != null) {
                    r.gte(JsonData.of(query.from().toEpochMilli()));
                }
                if (query.to() != null) {
                    r.lt(JsonData.of(query.to().toEpochMilli()));
                }
                return r;
            })));
        }
        if (query.kinds().size() < RecordKind.values().length) {
            List<FieldValue> kinds = query.kinds().stream()
                    .map(kind -> FieldValue.of(kind.name()))
                    .toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(RecordSources.KIND).terms(v -> v.value(kinds)))));
        }
        return filters;
    }

    private Query name(String text, int maxEdits) {
        List<String> words = names.words(text);
        if (words.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        List<Query> each = new ArrayList<>();
        for (String word : words) {
            List<Query> either = new ArrayList<>();
            either.add(Query.of(q -> q.term(
                    t -> t.field(RecordSources.NAME).value(FieldValue.of(word)).boost(2f))));
            int edits = NameMatching.edits(word, maxEdits);
            if (edits > 0) {
                either.add(Query.of(q -> q.fuzzy(f -> f.field(RecordSources.NAME)
                        .value(FieldValue.of(word))
                        .fuzziness(Integer.toString(edits))
                        .prefixLength(NameMatching.FUZZY_PREFIX)
                        .maxExpansions(NameMatching.FUZZY_EXPANSIONS)
                        .transpositions(true))));
            }
            each.add(Query.of(q -> q.bool(b -> b.should(either).minimumShouldMatch("1"))));
        }
        return Query.of(q -> q.bool(b -> b.must(each)));
    }

    /** Past retain-until (inclusive of the instant itself) and not under legal hold (R19). */
    static Query expired(Instant now) {
        return Query.of(q -> q.bool(b -> b.filter(
                        f -> f.range(r -> r.field(RecordSources.RETAIN_UNTIL).lte(JsonData.of(now.toEpochMilli()))))
                .mustNot(m -> m.term(t -> t.field(RecordSources.LEGAL_HOLD).value(FieldValue.of(true))))));
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }
}
