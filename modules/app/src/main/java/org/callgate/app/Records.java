package org.callgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.callgate.app.config.IndexConfig;
import org.callgate.app.config.StoreConfig;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.index.IndexInUseException;
import org.callgate.index.LuceneRecordIndex;
import org.callgate.index.opensearch.OpenSearchRecordIndex;
import org.callgate.records.Dossiers;
import org.callgate.records.IndexCheckpoints;
import org.callgate.records.RecordWriter;
import org.callgate.records.Restrictions;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index and the records written through it, as configured: opens the Lucene index on this
 * node's disk or the OpenSearch index the nodes share ({@code index.type}, DESIGN §7), indexes
 * again from the store what the journal says a crash left out, and commits every
 * {@code index.commit-interval} and at close (DESIGN §2: store first, then index).
 */
final class Records implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Records.class);

    private final RecordIndex index;
    private final RecordWriter writer;
    private final Dossiers dossiers;
    private final IndexCheckpoints checkpoints;

    private Records(RecordIndex index, RecordWriter writer, Dossiers dossiers, Duration commitInterval) {
        this.index = index;
        this.writer = writer;
        this.dossiers = dossiers;
        this.checkpoints = new IndexCheckpoints(writer, commitInterval);
    }

    /**
     * Opens the index and recovers what the last run left unindexed.
     *
     * @throws StartupException when the index cannot be opened (another callgate holds it, a
     *     directory cannot be used) or the store cannot be read; the message says which
     */
    static Records open(
            IndexConfig config,
            StoreConfig storeConfig,
            RecordingStore store,
            RetentionProfile retention,
            LegalHoldCheck holds,
            Restrictions restrictions,
            Clock clock)
            throws StartupException {
        RecordIndex index = openIndex(config, storeConfig);
        RetentionProfile profile = retention;
        try {
            RecordWriter writer = new RecordWriter(store, index, profile, config.journal(storeConfig), holds);
            writer.recover();
            return new Records(
                    index, writer, new Dossiers(writer, store, profile, clock, restrictions), config.commitInterval());
        } catch (IOException | StoreException | RuntimeException e) {
            index.close();
            throw new StartupException(
                    "cannot recover the index " + where(config, storeConfig) + " from the store: " + e.getMessage(), e);
        }
    }

    /** Opens the configured index, creating it when there is none. */
    static RecordIndex openIndex(IndexConfig config, StoreConfig storeConfig) throws StartupException {
        try {
            if (IndexConfig.OPENSEARCH.equals(config.type())) {
                return OpenSearchRecordIndex.open(config.opensearch().toSettings());
            }
            Path dir = config.directory(storeConfig);
            try {
                return LuceneRecordIndex.open(dir);
            } catch (IndexInUseException e) {
                throw new StartupException("the index " + dir + " is in use by another callgate process", e);
            }
        } catch (UncheckedIOException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /** The index as a person finds it: a directory, or a cluster's index and addresses. */
    static String where(IndexConfig config, StoreConfig storeConfig) {
        return IndexConfig.OPENSEARCH.equals(config.type())
                ? config.opensearch().index() + " on " + config.opensearch().urls()
                : config.directory(storeConfig).toString();
    }

    /** Bytes of the index on this node's disk; 0 for an index on a search cluster. */
    long indexSizeOnDisk() {
        return index instanceof LuceneRecordIndex lucene ? lucene.sizeOnDisk() : 0;
    }

    RecordWriter writer() {
        return writer;
    }

    RetentionProfile profile() {
        return writer.profile();
    }

    Dossiers dossiers() {
        return dossiers;
    }

    RecordIndex index() {
        return index;
    }

    /** Commits, then closes the index; the store stays open (its owner closes it). */
    @Override
    public void close() {
        checkpoints.close();
        try {
            writer.close();
        } catch (IOException e) {
            LOG.error("index: final commit failed; the next start indexes again from the journal", e);
        }
        index.close();
    }
}
