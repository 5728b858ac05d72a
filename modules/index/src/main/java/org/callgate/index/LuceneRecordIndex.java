package org.callgate.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.ivr.KnownCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RecordIndex} in a Lucene index on local disk: one {@link IndexWriter}, near-real-time
 * searches through a {@link SearcherManager} refreshed every {@link #REFRESH_EVERY}, and durability
 * at {@link #commit()} (the commit is Lucene's durability point: what was written after the last
 * one is gone after a crash, and is indexed again from the store at the next start).
 *
 * <p>One process owns the index: the writer's lock file refuses a second one ({@link
 * IndexInUseException}). Lucene exceptions
 * stay inside; I/O failures surface as {@link UncheckedIOException} with the index path.
 */
public final class LuceneRecordIndex implements RecordIndex {

    /** How often searches see new writes without a {@link #refresh()}. */
    static final Duration REFRESH_EVERY = IndexFiles.REFRESH_EVERY;

    private static final Logger LOG = LoggerFactory.getLogger(LuceneRecordIndex.class);
    private static final Sort NEWEST_FIRST = new Sort(new SortField(Fields.TIME, SortField.Type.LONG, true));
    private static final Sort BEST_THEN_NEWEST =
            new Sort(SortField.FIELD_SCORE, new SortField(Fields.TIME, SortField.Type.LONG, true));

    private final IndexFiles files;
    private final IndexWriter writer;
    private final SearchQueries queries;
    private volatile boolean appendOnly;

    private LuceneRecordIndex(IndexFiles files, NameAnalyzer names) {
        this.files = files;
        this.writer = files.writer();
        this.queries = new SearchQueries(new NameMatching(names));
    }

    /** Opens the index at {@code path}, creating it when there is none. */
    public static LuceneRecordIndex open(Path path) {
        return open(path, 64);
    }

    /** As {@link #open(Path)}, with {@code ramBufferMb} of documents buffered before a flush (bulk loads). */
    public static LuceneRecordIndex open(Path path, int ramBufferMb) {
        NameAnalyzer names = new NameAnalyzer();
        return new LuceneRecordIndex(IndexFiles.open(path, ramBufferMb, names), names);
    }

    public Path path() {
        return files.path();
    }

    /** Bytes of the index on disk. */
    public long sizeOnDisk() {
        return files.sizeOnDisk();
    }

    /** Removed documents whose room a merge has not reclaimed yet ({@link #expungeDeletes()} does). */
    public long deletedDocuments() {
        return files.deletedDocuments();
    }

    @Override
    public void put(Dossier dossier) {
        update(RecordKind.DOSSIER, dossier.number(), RecordDocuments.of(dossier));
    }

    @Override
    public void put(CallTrace trace) {
        update(RecordKind.TRACE, trace.callId(), RecordDocuments.of(trace, null));
    }

    @Override
    public void put(CallTrace trace, String batchKey) {
        update(RecordKind.TRACE, trace.callId(), RecordDocuments.of(trace, batchKey));
    }

    @Override
    public void put(RecordingRef recording) {
        update(RecordKind.RECORDING, recording.callId(), RecordDocuments.of(recording));
    }

    @Override
    public void appendOnly(boolean on) {
        appendOnly = on;
    }

    private void update(RecordKind kind, String id, Document doc) {
        try {
            if (appendOnly) {
                writer.addDocument(doc);
            } else {
                writer.updateDocument(RecordDocuments.uid(kind, id), doc);
            }
        } catch (IOException e) {
            throw failure("cannot index " + kind + " " + id, e);
        }
    }

    @Override
    public SearchPage search(SearchQuery query) {
        // A name is first searched with one typo per word, and with two only when that finds
        // nobody: the automata for two typos cost most of a name search, and a name typed with at
        // most one typo (nearly all) finds the same callers first either way.
        if (query.name() != null && queries.allowsTwoEdits(query.name())) {
            SearchPage close = search(query, queries.of(query, 1));
            if (close.total() > 0) {
                return close;
            }
        }
        return search(query, queries.of(query));
    }

    private SearchPage search(SearchQuery query, Query lucene) {
        return withSearcher(searcher -> {
            int wanted = query.offset() + query.limit();
            TopFieldDocs top = searcher.search(lucene, wanted, query.browsing() ? NEWEST_FIRST : BEST_THEN_NEWEST);
            List<SearchHit> hits = new ArrayList<>(query.limit());
            var stored = searcher.storedFields();
            for (int i = query.offset(); i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                hits.add(Hits.of(stored.document(hit.doc), hit.score));
            }
            boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
            return new SearchPage(top.totalHits.value(), exact, query.offset(), hits);
        });
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
        Query query = SearchQueries.term(
                Fields.UID, RecordDocuments.uid(RecordKind.DOSSIER, number).text());
        return withSearcher(searcher -> {
            var top = searcher.search(query, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.<Integer>empty();
            }
            Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
            return Optional.of(doc.getField(Fields.VERSION).numericValue().intValue());
        });
    }

    @Override
    public long countExpired(Instant now) {
        Query expired = SearchQueries.expired(now);
        return withSearcher(searcher -> (long) searcher.count(expired));
    }

    @Override
    public long deleteExpired(Instant now) {
        refresh();
        long count = countExpired(now);
        try {
            writer.deleteDocuments(SearchQueries.expired(now));
        } catch (IOException e) {
            throw failure("cannot delete expired records", e);
        }
        refresh();
        LOG.info("index {}: {} records past retain-until at {} removed", files.path(), count, now);
        return count;
    }

    @Override
    public void delete(RecordKind kind, String id) {
        try {
            writer.deleteDocuments(RecordDocuments.uid(kind, id));
        } catch (IOException e) {
            throw failure("cannot delete " + kind + " " + id, e);
        }
    }

    @Override
    public void delete(RecordKind kind, Collection<String> ids) {
        try {
            writer.deleteDocuments(
                    ids.stream().map(id -> RecordDocuments.uid(kind, id)).toArray(Term[]::new));
        } catch (IOException e) {
            throw failure("cannot delete " + ids.size() + " records of kind " + kind, e);
        }
    }

    @Override
    public void forEachDue(Instant now, Consumer<IndexedRecord> each) {
        refresh();
        withSearcher(searcher -> {
            IndexedRecords.forEach(searcher, SearchQueries.expired(now), each);
            return null;
        });
    }

    @Override
    public List<IndexedRecord> linkedTo(String dossier) {
        return listOf(SearchQueries.term(Fields.DOSSIER, dossier));
    }

    @Override
    public List<IndexedRecord> ofCaller(PhoneNumber caller) {
        return listOf(SearchQueries.term(Fields.PHONE, caller.e164()));
    }

    @Override
    public List<IndexedRecord> ofCall(String callId) {
        return listOf(SearchQueries.term(Fields.CALL_ID, callId));
    }

    private List<IndexedRecord> listOf(Query query) {
        refresh();
        return withSearcher(searcher -> IndexedRecords.list(searcher, query));
    }

    @Override
    public void expungeDeletes() {
        try {
            writer.commit(); // applies every buffered delete, so the merge sees them all
            writer.forceMergeDeletes(true);
            writer.commit();
        } catch (IOException e) {
            throw failure("cannot reclaim the space of removed records", e);
        }
        refresh();
    }

    @Override
    public void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw failure("cannot empty the index", e);
        }
    }

    @Override
    public long count(RecordKind kind) {
        Query query = SearchQueries.term(Fields.KIND, kind.name());
        return withSearcher(searcher -> (long) searcher.count(query));
    }

    @Override
    public void refresh() {
        files.refresh();
    }

    @Override
    public void commit() {
        files.commit();
    }

    @Override
    public void close() {
        files.close();
    }

    private <T> T withSearcher(IndexFiles.SearcherWork<T> work) {
        return files.withSearcher(work);
    }

    private UncheckedIOException failure(String what, IOException e) {
        return files.failure(what, e);
    }
}
