package org.callgate.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
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

    /** The stored fields {@link #of} reads; the others (names, numbers, notes) are not even decoded. */
    private static final Set<String> FIELDS = Set.of(
            Fields.KIND, Fields.ID, Fields.RETENTION_CLASS, Fields.RETAIN_UNTIL, Fields.LEGAL_HOLD, Fields.STORE_KEY);

    private IndexedRecords() {}

    /**
     * Stored fields for reading a segment's matches in doc-id order. A segment's own reader is
     * asked for its merge instance, which decompresses each block of documents once, where the
     * ordinary one decompresses the block again for every document: the purge reads up to
     * millions in a row.
     */
    private static StoredFields sequential(LeafReaderContext leaf) throws IOException {
        if (leaf.reader() instanceof CodecReader codec && codec.getFieldsReader() != null) {
            return codec.getFieldsReader().getMergeInstance();
        }
        return leaf.reader().storedFields();
    }

    /** Hands every document {@code query} matches in {@code searcher}'s view to {@code each}. */
    static void forEach(IndexSearcher searcher, Query query, Consumer<IndexedRecord> each) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            StoredFields stored = sequential(leaf);
            var live = leaf.reader().getLiveDocs();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(FIELDS);
                    stored.document(doc, visitor);
                    each.accept(of(visitor.getDocument()));
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
