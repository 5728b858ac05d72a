package org.callgate.store.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectPut;
import org.callgate.store.PutOutcome;
import org.callgate.store.StoreException;

/**
 * The file store's {@link org.callgate.store.RecordingStore#putAll}: every object takes the steps
 * of a single put (its bytes in a temp file forced to disk, renamed into place, the directory
 * forced; then its metadata the same way), but the batch takes each step together, so each
 * directory is forced once for the batch instead of once for each object. On this kind of
 * machine a directory fsync costs as much CPU as the writes it covers, and a recording's upload
 * forced four of them.
 *
 * <p>The order that makes a crash harmless holds for each object: its bytes are renamed and their
 * directory forced before its metadata, which makes it exist, is renamed into place. The caller
 * holds every key's lock from the existence check here to the last directory forced, as a single
 * put holds its key's.
 */
final class BatchPut {

    /** How a directory is forced: {@link ObjectFiles#force}, or a test's observer. */
    @FunctionalInterface
    interface Force {
        void force(Path dir) throws StoreException;
    }

    private final StoreLayout layout;
    private final ObjectFiles files;
    private final Force force;

    BatchPut(StoreLayout layout, ObjectFiles files, Force force) {
        this.layout = layout;
        this.files = files;
        this.force = force;
    }

    /** One object of the batch, staged in a temp file; failed from the first step that refused it. */
    static final class Item {
        private final int index;
        private final ObjectPut put;
        private final AtomicFiles.Written written;
        private Path metadataTemp;
        private StoreException failure;

        Item(int index, ObjectPut put, AtomicFiles.Written written) {
            this.index = index;
            this.put = put;
            this.written = written;
        }

        /** Its place in the batch as given. */
        int index() {
            return index;
        }

        PutOutcome outcome() {
            return failure == null ? PutOutcome.stored(put, info()) : PutOutcome.failed(put, failure);
        }

        /** Removes the temp files a failed step left; those renamed into place are gone already. */
        void deleteTemps() {
            AtomicFiles.deleteQuietly(written.temp());
            if (metadataTemp != null) {
                AtomicFiles.deleteQuietly(metadataTemp);
            }
        }

        private ObjectInfo info() {
            return written.describe(put.key(), put.attributes());
        }

        private void attempt(Step step) {
            if (failure != null) {
                return;
            }
            try {
                step.run();
            } catch (StoreException e) {
                failure = e;
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws StoreException;
    }

    /** Places the staged objects; each item's outcome says what became of it. */
    void place(List<Item> items) {
        Map<Path, List<Item>> dataDirs = new LinkedHashMap<>();
        for (Item item : items) {
            item.attempt(() -> {
                files.refuseExisting(item.put.key());
                Path data = layout.data(item.put.key());
                ObjectFiles.rename(item.written.temp(), data);
                dataDirs.computeIfAbsent(data.getParent(), dir -> new ArrayList<>())
                        .add(item);
            });
        }
        forceAll(dataDirs);
        Map<Path, List<Item>> metaDirs = new LinkedHashMap<>();
        for (Item item : items) {
            item.attempt(() -> {
                Path meta = layout.metadata(item.put.key());
                item.metadataTemp = files.stageMetadata(item.info());
                ObjectFiles.rename(item.metadataTemp, meta);
                metaDirs.computeIfAbsent(meta.getParent(), dir -> new ArrayList<>())
                        .add(item);
            });
        }
        forceAll(metaDirs);
    }

    /** Forces each directory once; when that fails, so does every object renamed into it. */
    private void forceAll(Map<Path, List<Item>> dirs) {
        dirs.forEach((dir, renamed) -> {
            try {
                force.force(dir);
            } catch (StoreException e) {
                renamed.forEach(item -> item.failure = e);
            }
        });
    }
}
