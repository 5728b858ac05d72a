package org.callgate.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callgate.store.file.StoreFixture.START;
import static org.callgate.store.file.StoreFixture.unlocked;
import static org.callgate.store.file.StoreFixture.utf8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.callgate.store.FileSystemSync;
import org.callgate.store.ObjectExistsException;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectPut;
import org.callgate.store.PutOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch of objects costs each directory one fsync, where one put at a time costs one per object. */
class FileRecordingStoreBatchTest {

    private static final String DAY = "recordings/2026/12/06/";

    @TempDir
    Path root;

    @TempDir
    Path spool;

    private List<ObjectPut> recordings(int count) throws Exception {
        List<ObjectPut> puts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path wav = Files.write(spool.resolve("call-" + i + ".wav"), utf8("RIFF " + i));
            puts.add(ObjectPut.sealed(ObjectKey.of(DAY + "call-" + i + ".wav"), wav, unlocked(), true));
            puts.add(ObjectPut.bytes(
                    ObjectKey.of(DAY + "call-" + i + ".json"), utf8("{\"call\":" + i + "}"), unlocked(), true));
        }
        return puts;
    }

    private long forces(String dir) {
        return AtomicFiles.forcesOf(root.resolve(dir).resolve(DAY.substring(0, DAY.length() - 1)));
    }

    @Test
    void aBatchForcesEachDirectoryOnceWhateverItsSize() throws Exception {
        try (var store = new FileRecordingStore(root, new TestClock(START))) {
            List<PutOutcome> outcomes = store.putAll(recordings(10));

            assertThat(outcomes).extracting(PutOutcome::failure).containsOnlyNulls();
            assertThat(store.list(DAY)).hasSize(20);
            assertThat(forces("objects")).isEqualTo(1);
            assertThat(forces("meta")).isEqualTo(1);
            assertThat(root.resolve("tmp").toFile().list()).isEmpty();
        }
    }

    @Test
    void withAFileSystemSyncABatchSyncsTwiceAndForcesNoDirectory() throws Exception {
        FileSystemSync sync =
                FileSystemSync.over("a counted sync", () -> {}); // the real one: FileRecordingStoreSyncfsTest
        try (var store = new FileRecordingStore(root, new TestClock(START), sync)) {
            long before = sync.flushes();

            List<PutOutcome> outcomes = store.putAll(recordings(10));

            assertThat(outcomes).extracting(PutOutcome::failure).containsOnlyNulls();
            assertThat(store.list(DAY)).hasSize(20);
            assertThat(store.head(ObjectKey.of(DAY + "call-3.json"))
                            .orElseThrow()
                            .size())
                    .isEqualTo(utf8("{\"call\":3}").length);
            assertThat(sync.flushes() - before).isEqualTo(2); // the bytes, then the metadata
            assertThat(forces("objects")).isZero();
            assertThat(forces("meta")).isZero();
            assertThat(root.resolve("tmp").toFile().list()).isEmpty();
        }
    }

    @Test
    void theSameObjectsPutOneByOneForceTheirDirectoriesOnceEach() throws Exception {
        try (var store = new FileRecordingStore(root, new TestClock(START))) {
            for (ObjectPut put : recordings(10)) {
                put.runOn(store);
            }

            assertThat(forces("objects")).isEqualTo(20);
            assertThat(forces("meta")).isEqualTo(20);
        }
    }

    @Test
    void aPutRefusedBecauseTheObjectExistsFirstMakesThatObjectDurable() throws Exception {
        try (var store = new FileRecordingStore(root, new TestClock(START))) {
            ObjectPut put = recordings(1).get(1);
            put.runOn(store);
            long objects = forces("objects");
            long meta = forces("meta");

            List<PutOutcome> again = store.putAll(List.of(put));

            assertThat(again.getFirst().failure()).isInstanceOf(ObjectExistsException.class);
            assertThat(forces("objects")).isEqualTo(objects + 1);
            assertThat(forces("meta"))
                    .as("an earlier put may have failed to force it after its rename")
                    .isEqualTo(meta + 1);
        }
    }
}
