package org.callgate.store.file;

import java.nio.file.Files;
import java.nio.file.Path;
import org.callgate.store.FileSystemSync;
import org.callgate.store.RecordingStore;

/** The file store keeps the {@link RecordingStore} contract when its batches are made durable by syncfs. */
class FileRecordingStoreSyncfsTest extends FileRecordingStoreTest {

    @Override
    FileRecordingStore open(Path dir, TestClock clock) throws Exception {
        Files.createDirectories(dir);
        return new FileRecordingStore(dir, clock, FileSystemSync.of(dir));
    }
}
