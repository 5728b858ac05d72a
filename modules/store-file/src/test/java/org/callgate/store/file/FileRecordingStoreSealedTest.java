package org.callgate.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.callgate.store.file.StoreFixture.START;
import static org.callgate.store.file.StoreFixture.unlocked;
import static org.callgate.store.file.StoreFixture.utf8;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.callgate.store.ObjectExistsException;
import org.callgate.store.ObjectKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sealed file, a recording the spool forced and never writes again, becomes an object without a copy. */
class FileRecordingStoreSealedTest {

    private static final ObjectKey KEY = ObjectKey.of("recordings/2026/11/25/call-1.wav");

    @TempDir
    Path root;

    @TempDir
    Path spool;

    private FileRecordingStore store;

    private FileRecordingStore open() throws Exception {
        store = new FileRecordingStore(root, new TestClock(START));
        return store;
    }

    private byte[] read(ObjectKey key) throws Exception {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aSealedFileOnTheStoresFileSystemBecomesTheObjectItselfAndOutlivesItsSpoolName() throws Exception {
        try (var _ = open()) {
            Path wav = Files.write(spool.resolve("call-1.wav"), utf8("RIFF and the audio"));

            store.putSealed(KEY, wav, unlocked(), true);

            Path data = root.resolve("objects").resolve(KEY.value());
            assertThat(Files.getAttribute(data, "unix:ino")).isEqualTo(Files.getAttribute(wav, "unix:ino"));
            assertThat(Files.getAttribute(wav, "unix:nlink")).isEqualTo(2);
            assertThat(root.resolve("tmp").toFile().list()).isEmpty();
            Files.delete(wav);
            assertThat(read(KEY)).isEqualTo(utf8("RIFF and the audio"));
            assertThat(store.head(KEY).orElseThrow().size()).isEqualTo(18);
        }
    }

    @Test
    void aSealedFileOnAnotherFileSystemIsCopied() throws Exception {
        try (var _ = open()) {
            Path shm = Path.of("/dev/shm");
            assumeFalse(
                    !Files.isDirectory(shm) || Files.getFileStore(shm).equals(Files.getFileStore(root)),
                    "needs /dev/shm on a file system of its own");
            Path wav = Files.createTempFile(shm, "sealed-", ".wav");
            try {
                Files.write(wav, utf8("RIFF elsewhere"));

                store.putSealed(KEY, wav, unlocked(), true);

                assertThat(Files.getAttribute(wav, "unix:nlink")).isEqualTo(1);
                assertThat(read(KEY)).isEqualTo(utf8("RIFF elsewhere"));
                store.putSealed(ObjectKey.of("recordings/2026/11/25/call-2.wav"), wav, unlocked(), true);
                assertThat(read(ObjectKey.of("recordings/2026/11/25/call-2.wav")))
                        .isEqualTo(utf8("RIFF elsewhere"));
            } finally {
                Files.deleteIfExists(wav);
            }
        }
    }

    @Test
    void aSealedFileUnderATakenKeyIsRefusedAndTheObjectThereStays() throws Exception {
        try (var _ = open()) {
            store.put(KEY, utf8("first"), unlocked());
            Path wav = Files.write(spool.resolve("call-1.wav"), utf8("second"));

            assertThatThrownBy(() -> store.putSealed(KEY, wav, unlocked(), true))
                    .isInstanceOf(ObjectExistsException.class);
            assertThat(read(KEY)).isEqualTo(utf8("first"));
            assertThat(Files.getAttribute(wav, "unix:nlink")).isEqualTo(1);
        }
    }
}
