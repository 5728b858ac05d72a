package org.callgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemSyncTest {

    @TempDir
    Path dir;

    @Test
    void syncfsCanBeCalledOnThisLinuxMachine() {
        assertThat(System.getProperty("os.name")).isEqualTo("Linux");
        assertThat(FileSystemSync.unavailable()).isEmpty();
    }

    @Test
    void aSyncRunsSyncfsOnTheFileSystemOfTheDirectory() throws Exception {
        FileSystemSync sync = FileSystemSync.of(dir);
        long before = sync.flushes();
        FileSystemSync.Mark mark = sync.mark();
        Files.writeString(dir.resolve("recording.wav"), "audio");

        sync.sync(mark);

        assertThat(sync.flushes()).isGreaterThan(before);
    }

    @Test
    void twoDirectoriesOnOneFileSystemShareOneSync() throws Exception {
        Path spool = Files.createDirectory(dir.resolve("spool"));
        Path store = Files.createDirectory(dir.resolve("store"));

        assertThat(FileSystemSync.of(spool)).isSameAs(FileSystemSync.of(store));
    }

    @Test
    void aMissingDirectoryIsRefusedWithItsPath() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> FileSystemSync.of(missing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aFlushThatFailedAfterAMarkFailsTheSyncOfThatMarkEvenWhenItsOwnFlushSucceeds() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        FileSystemSync sync = FileSystemSync.over("a test file system", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IOException("write-back error");
            }
        });
        FileSystemSync.Mark beforeTheError = sync.mark();

        assertThatThrownBy(() -> sync.sync(sync.mark())).hasMessage("write-back error");
        assertThatThrownBy(() -> sync.sync(beforeTheError))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("may not be on disk");
        sync.sync(sync.mark());

        assertThat(runs).hasValue(3);
    }
}
