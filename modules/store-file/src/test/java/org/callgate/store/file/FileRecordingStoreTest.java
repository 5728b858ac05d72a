package org.callgate.store.file;

import java.nio.file.Path;
import java.time.Instant;
import org.callgate.store.RecordingStore;
import org.callgate.store.RecordingStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The file store keeps the {@link RecordingStore} contract, with time moved by a test clock. */
class FileRecordingStoreTest extends RecordingStoreContract {

    @TempDir
    Path root;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:15:30Z"));
    private FileRecordingStore store;

    @BeforeEach
    void open() throws Exception {
        store = open(root.resolve("store"), clock);
    }

    /** The store under test at {@code dir}: forcing each file, unless a subclass says otherwise. */
    FileRecordingStore open(Path dir, TestClock clock) throws Exception {
        return new FileRecordingStore(dir, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected RecordingStore store() {
        return store;
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }

    @Override
    protected void passTime(Instant instant) {
        clock.passTime(instant);
    }
}
