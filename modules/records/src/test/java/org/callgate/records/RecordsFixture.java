package org.callgate.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.callgate.index.LuceneRecordIndex;
import org.callgate.store.TestProfiles;
import org.callgate.store.file.FileRecordingStore;

/** A file store, a Lucene index and a record writer in a temporary directory, as callgate wires them. */
final class RecordsFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    final Path dir;
    final FileRecordingStore store;
    LuceneRecordIndex index;
    RecordWriter writer;

    RecordsFixture(Path dir) throws IOException {
        this.dir = dir;
        this.store = new FileRecordingStore(dir.resolve("store"), Clock.fixed(NOW, ZoneOffset.UTC));
        open(dir.resolve("index"));
    }

    void open(Path indexDir) throws IOException {
        index = LuceneRecordIndex.open(indexDir);
        writer = new RecordWriter(store, index, TestProfiles.DEFAULT, dir.resolve("journal"));
    }

    /**
     * What a crash leaves: the index directory as it is on disk now (its last commit), copied
     * while the writer still runs, and the journal; the running pair is then closed and the
     * copies opened, as the next start opens what the crash left.
     */
    void crashAndRestart() throws IOException {
        Path copy = dir.resolve("index-after-crash");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(index.path())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path journal = dir.resolve("journal");
        Path journalCopy = dir.resolve("journal-after-crash");
        Files.createDirectories(journalCopy);
        try (Stream<Path> files = Files.list(journal)) {
            for (Path file : files.toList()) {
                Files.copy(file, journalCopy.resolve(file.getFileName()));
            }
        }
        writer.close();
        index.close();
        index = LuceneRecordIndex.open(copy);
        writer = new RecordWriter(store, index, TestProfiles.DEFAULT, journalCopy);
    }

    @Override
    public void close() throws IOException {
        writer.close();
        index.close();
        store.close();
    }
}
