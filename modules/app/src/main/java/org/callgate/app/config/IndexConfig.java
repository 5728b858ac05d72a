package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code index:} section: where the Lucene index of dossiers, call traces and recordings lives
 * and how often it commits. The index is derived from the store (DESIGN §2): losing it loses
 * nothing ({@code callgate reindex}); what a crash cuts off since the last commit is indexed again
 * at the next start from the journal next to it.
 *
 * @param path the index directory; null: {@code index} next to {@code store.spool}, so that each
 *     callgate's local state (spool, index, journal) stays together
 * @param commitInterval how often the index commits; at most this much indexing is redone after a crash
 */
public record IndexConfig(Path path, Duration commitInterval) {

    public IndexConfig {
        Objects.requireNonNull(commitInterval, "commitInterval");
    }

    public static IndexConfig defaults() {
        return new IndexConfig(null, Duration.ofSeconds(30));
    }

    /** The index directory: {@link #path()}, or {@code index} beside the spool. */
    public Path directory(StoreConfig store) {
        return path != null ? path : store.spool().toAbsolutePath().normalize().resolveSibling("index");
    }

    /** The journal of records on their way into the index: beside the index directory. */
    public Path journal(StoreConfig store) {
        Path index = directory(store).toAbsolutePath().normalize();
        return index.resolveSibling(index.getFileName() + "-journal");
    }

    @JsonCreator
    static IndexConfig fromYaml(
            @JsonProperty("path") String path, @JsonProperty("commit-interval") Duration commitInterval) {
        return new IndexConfig(
                path == null ? null : Path.of(path),
                Objects.requireNonNullElse(commitInterval, defaults().commitInterval()));
    }
}
