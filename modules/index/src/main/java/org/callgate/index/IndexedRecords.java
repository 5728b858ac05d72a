package org.callgate.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordKind;

/**
 * Reads records as {@link IndexedRecord}s (kind, id, retention, store key) for the purge and legal
 * holds: every match, segment by segment, without scoring or a top-N limit, so that a purge of a
 * million records reads each document's few stored fields once.
 */
final class IndexedRecords {

    private IndexedRecords() {}

    /** Hands every document {@code query} matches in {@code searcher}'s view to {@code each}. */
    static void forEach(IndexSearcher searcher, Query query, Consumer<IndexedRecord> each) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            StoredFields stored = leaf.reader().storedFields();
            var live = leaf.reader().getLiveDocs();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    each.accept(of(stored.document(doc)));
                }
            }
        }
    }

    static List<IndexedRecord> list(IndexSearcher searcher, Query query) throws IOException {
        List<IndexedRecord> records = new ArrayList<>();
        forEach(searcher, query, records::add);
        return records;
    }

    static IndexedRecord of(Document doc) {
        IndexableField until = doc.getField(Fields.RETAIN_UNTIL);
        return new IndexedRecord(
                RecordKind.valueOf(doc.get(Fields.KIND)),
                doc.get(Fields.ID),
                doc.get(Fields.RETENTION_CLASS),
                Instant.ofEpochMilli(until.numericValue().longValue()),
                doc.get(Fields.LEGAL_HOLD) != null,
                doc.get(Fields.STORE_KEY));
    }
}
