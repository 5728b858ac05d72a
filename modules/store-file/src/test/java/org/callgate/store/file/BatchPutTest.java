package org.callgate.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callgate.store.file.StoreFixture.unlocked;
import static org.callgate.store.file.StoreFixture.utf8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.callgate.store.FileSystemSync;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectPut;
import org.callgate.store.PutOutcome;
import org.callgate.store.StoreException;
import org.callgate.store.StoreUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order that makes a batch crash-safe, watched at each directory fsync: an object's bytes are
 * in place and forced before its metadata, which makes it exist, is renamed into place.
 */
class BatchPutTest {

    private static final List<ObjectKey> KEYS =
            List.of(ObjectKey.of("recordings/2026/12/06/a.json"), ObjectKey.of("recordings/2026/12/06/b.json"));

    @TempDir
    Path root;

    private StoreLayout layout;
    private ObjectFiles files;
    private final List<String> forced = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        layout = new StoreLayout(root);
        layout.create();
        files = new ObjectFiles(layout);
    }

    private List<BatchPut.Item> staged() throws Exception {
        return staged(true);
    }

    /** The batch's bytes in temp files, forced as the per-directory barrier needs, or left to a sync. */
    private List<BatchPut.Item> staged(boolean force) throws Exception {
        List<BatchPut.Item> items = new ArrayList<>();
        for (ObjectKey key : KEYS) {
            ObjectPut put = ObjectPut.bytes(key, utf8(key.value()), unlocked(), true);
            items.add(new BatchPut.Item(
                    items.size(),
                    put,
                    AtomicFiles.copyToTemp(layout.tmp(), new ByteArrayInputStream(put.bytes()), force)));
        }
        return items;
    }

    /** Which of the batch's objects have their bytes, and which their metadata, in place now. */
    private String inPlace() throws StoreException {
        StringBuilder seen = new StringBuilder();
        for (ObjectKey key : KEYS) {
            seen.append(Files.exists(layout.data(key)) ? "D" : "-");
            seen.append(Files.exists(layout.metadata(key)) ? "M" : "-");
        }
        return seen.toString();
    }

    private String name(Path dir) {
        return root.relativize(dir).getName(0).toString();
    }

    @Test
    void theBytesOfEveryObjectAreForcedBeforeAnyMetadataIsRenamedIntoPlace() throws Exception {
        List<BatchPut.Item> items = staged();
        BatchPut.Barrier barrier = BatchPut.perDirectory(dir -> {
            forced.add(name(dir) + " " + inPlace());
            ObjectFiles.force(dir);
        });

        new BatchPut(layout, files).place(items, barrier);

        assertThat(forced).containsExactly("objects D-D-", "meta DMDM");
        assertThat(items).extracting(item -> item.outcome().failure()).containsOnlyNulls();
    }

    @Test
    void whenTheBytesCannotBeForcedNoObjectComesToExistAndNoTempFileIsLeft() throws Exception {
        List<BatchPut.Item> items = staged();
        BatchPut.Barrier barrier = BatchPut.perDirectory(dir -> {
            forced.add(name(dir));
            throw new StoreUnavailableException("fsync of " + dir + " failed (test)");
        });

        new BatchPut(layout, files).place(items, barrier);
        items.forEach(BatchPut.Item::deleteTemps);

        assertThat(forced).containsExactly("objects");
        assertThat(items)
                .extracting(BatchPut.Item::outcome)
                .extracting(PutOutcome::failure)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(StoreUnavailableException.class));
        assertThat(inPlace()).isEqualTo("D-D-");
        assertThat(layout.tmp().toFile().list()).isEmpty();
    }

    @Test
    void withAFileSystemSyncTheBytesAndTheMetadataTempFilesAreSyncedBeforeAnyMetadataIsInPlace() throws Exception {
        List<BatchPut.Item> items = staged(false);
        FileSystemSync sync = FileSystemSync.over("a test file system", () -> {
            try {
                forced.add(inPlace() + " tmp=" + layout.tmp().toFile().list().length);
            } catch (StoreException e) {
                throw new IOException(e);
            }
        });

        new BatchPut(layout, files).place(items, BatchPut.fileSystem(sync, sync.mark()));

        assertThat(forced).containsExactly("D-D- tmp=2", "DMDM tmp=0");
        assertThat(items).extracting(item -> item.outcome().failure()).containsOnlyNulls();
    }

    @Test
    void whenTheFileSystemSyncFailsNoObjectComesToExistAndNoTempFileIsLeft() throws Exception {
        List<BatchPut.Item> items = staged(false);
        FileSystemSync sync = FileSystemSync.over("a test file system", () -> {
            forced.add("sync");
            throw new IOException("write-back error (test)");
        });

        new BatchPut(layout, files).place(items, BatchPut.fileSystem(sync, sync.mark()));
        items.forEach(BatchPut.Item::deleteTemps);

        assertThat(forced).containsExactly("sync");
        assertThat(items)
                .extracting(BatchPut.Item::outcome)
                .extracting(PutOutcome::failure)
                .allSatisfy(failure -> assertThat(failure)
                        .isInstanceOf(StoreUnavailableException.class)
                        .hasStackTraceContaining("write-back error (test)"));
        assertThat(inPlace()).isEqualTo("D-D-");
        assertThat(layout.tmp().toFile().list()).isEmpty();
    }
}
