package org.callgate.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene side of one index directory: the one {@link IndexWriter}, the near-real-time searchers
 * refreshed every {@link #REFRESH_EVERY}, commits, and every {@link IOException} turned into an
 * {@link UncheckedIOException} that names the directory. {@link LuceneRecordIndex} is what the
 * records mean; this is how they are kept.
 */
final class IndexFiles implements AutoCloseable {

    /**
     * Every refresh flushes what was written since into a new segment, so it is not free: at
     * hundreds of calls a second a refresh every 250 ms took 5 % of callgate's CPU. Writers that
     * need their own writes visible at once call {@link #refresh()}.
     */
    static final Duration REFRESH_EVERY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(IndexFiles.class);

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("callgate-index-refresh").daemon().factory());

    private IndexFiles(Path path, Directory directory, IndexWriter writer) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        refresher.scheduleWithFixedDelay(
                this::refreshQuietly, REFRESH_EVERY.toMillis(), REFRESH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens (or creates) the index at {@code path}; one process at a time ({@link IndexInUseException}). */
    static IndexFiles open(Path path, int ramBufferMb, NameAnalyzer names) {
        Directory directory = null;
        try {
            directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(names)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setCommitOnClose(true);
            return new IndexFiles(path, directory, new IndexWriter(directory, config));
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new IndexInUseException(path, e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("index " + path + ": cannot open: " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    IndexWriter writer() {
        return writer;
    }

    <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw failure("cannot search", e);
        }
    }

    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw failure("cannot refresh the searcher", e);
        }
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            LOG.warn("index {}: refresh failed, searches see older data until the next one: {}", path, e.toString());
        }
    }

    void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw failure("cannot commit", e);
        }
    }

    /** Bytes of the index's files on disk, for the purge's report and the metrics. */
    long sizeOnDisk() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
            return bytes;
        } catch (IOException e) {
            throw failure("cannot measure", e);
        }
    }

    /** Documents removed but still taking room, until a merge reclaims it. */
    long deletedDocuments() {
        return writer.getDocStats().maxDoc - writer.getDocStats().numDocs;
    }

    UncheckedIOException failure(String what, IOException e) {
        return new UncheckedIOException("index " + path + ": " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw failure("cannot close", e);
        } finally {
            closeQuietly(directory);
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException ignored) {
                // the index is already failing; its first error is the one reported
            }
        }
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }
}
