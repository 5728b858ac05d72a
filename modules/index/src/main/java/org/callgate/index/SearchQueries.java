package org.callgate.index;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchQuery;

/**
 * Builds the Lucene query of an agent's {@link SearchQuery}: every criterion must hold; exact
 * fields are term queries, names are fuzzy, filters do not score.
 */
final class SearchQueries {

    /** The most typos a word may have. */
    static final int MAX_EDITS = NameMatching.MAX_EDITS;

    private final NameMatching names;

    SearchQueries(NameMatching names) {
        this.names = names;
    }

    Query of(SearchQuery query) {
        return of(query, MAX_EDITS);
    }

    /** As {@link #of(SearchQuery)}, with at most {@code maxEdits} typos per word of a name. */
    Query of(SearchQuery query, int maxEdits) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean criteria = false;
        if (query.phone() != null) {
            all.add(term(Fields.PHONE, query.phone().e164()), Occur.MUST);
            criteria = true;
        }
        if (query.dossier() != null) {
            all.add(term(Fields.DOSSIER, query.dossier()), Occur.MUST);
            criteria = true;
        }
        if (query.barcode() != null) {
            all.add(term(Fields.BARCODE, query.barcode()), Occur.MUST);
            criteria = true;
        }
        if (query.iban() != null) {
            all.add(term(Fields.IBAN, query.iban().value()), Occur.MUST);
            criteria = true;
        }
        if (query.callId() != null) {
            all.add(term(Fields.CALL_ID, query.callId()), Occur.MUST);
            criteria = true;
        }
        if (query.name() != null) {
            all.add(name(query.name(), maxEdits), Occur.MUST);
            criteria = true;
        }
        if (!criteria) {
            all.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        filters(query, all);
        return all.build();
    }

    private static void filters(SearchQuery query, BooleanQuery.Builder all) {
        if (query.service() != null) {
            all.add(term(Fields.SERVICE, query.service()), Occur.FILTER);
        }
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
            long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochMilli() - 1;
            all.add(LongPoint.newRangeQuery(Fields.TIME, from, to), Occur.FILTER);
        }
        if (query.kinds().size() < RecordKind.values().length) {
            BooleanQuery.Builder kinds = new BooleanQuery.Builder();
            query.kinds().forEach(kind -> kinds.add(term(Fields.KIND, kind.name()), Occur.SHOULD));
            all.add(kinds.build(), Occur.FILTER);
        }
    }

    /** Each word of the name must match, exactly (scored higher) or within its typo allowance. */
    Query name(String text) {
        return name(text, MAX_EDITS);
    }

    boolean allowsTwoEdits(String text) {
        return names.allowsTwoEdits(text);
    }

    private Query name(String text, int maxEdits) {
        List<String> words = names.words(text);
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("no word in the name");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            either.add(new BoostQuery(term(Fields.NAME, word), 2f), Occur.SHOULD);
            int edits = NameMatching.edits(word, maxEdits);
            if (edits > 0) {
                either.add(
                        new FuzzyQuery(
                                new Term(Fields.NAME, word),
                                edits,
                                NameMatching.FUZZY_PREFIX,
                                NameMatching.FUZZY_EXPANSIONS,
                                true),
                        Occur.SHOULD);
            }
            all.add(either.build(), Occur.MUST);
        }
        return all.build();
    }

    /** Past retain-until (inclusive of the instant itself) and not under legal hold (R19). */
    static Query expired(Instant now) {
        return new BooleanQuery.Builder()
                .add(LongPoint.newRangeQuery(Fields.RETAIN_UNTIL, Long.MIN_VALUE, now.toEpochMilli()), Occur.FILTER)
                .add(SearchQueries.term(Fields.LEGAL_HOLD, Fields.HELD), Occur.MUST_NOT)
                .build();
    }

    static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}
