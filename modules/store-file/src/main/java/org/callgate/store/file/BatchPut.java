package org.callgate.store.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callgate.store.FileSystemSync;
import org.callgate.store.ObjectExistsException;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectPut;
import org.callgate.store.PutOutcome;
import org.callgate.store.StoreException;

/**
 * The file store's {@link org.callgate.store.RecordingStore#putAll}: every object takes the steps
 * of a single put (its bytes and its metadata in temp files, the bytes renamed into place and made
 * durable, then the metadata, which makes it exist), but the batch takes each step together, so
 * that one barrier makes a step durable for the whole batch. A barrier is a force of each
 * directory renamed into ({@link #perDirectory}), after each temp file was forced as it was
 * written; or one {@code syncfs} of the store's file system that covers temp files and renames
 * alike ({@link #fileSystem}, ADR 0016). On this kind of machine each fsync costs as much CPU as
 * the writes it covers, and a recording's upload forced seven of them.
 *
 * <p>The order that makes a crash harmless holds for each object: its bytes are renamed and made
 * durable, and so is its metadata's temp file, before the metadata is renamed into place. The
 * caller holds every key's lock from the existence check here to the last barrier, as a single
 * put holds its key's.
 */
final class BatchPut {

    /** How a directory is forced: {@link ObjectFiles#force}, or a test's observer. */
    @FunctionalInterface
    interface Force {
        void force(Path dir) throws StoreException;
    }

    /** How the renames of one step, into the directories given, are made durable. */
    interface Barrier {
        /** Makes the step durable; an object whose rename it could not make durable fails. */
        void commit(Map<Path, List<Item>> renamedInto);

        /** Whether each temp file must be forced as it is written: when the barrier does not cover it. */
        boolean forcesEachFile();
    }

    private final StoreLayout layout;
    private final ObjectFiles files;

    BatchPut(StoreLayout layout, ObjectFiles files) {
        this.layout = layout;
        this.files = files;
    }

    /** One fsync a directory; each temp file was forced as it was written. */
    static Barrier perDirectory(Force force) {
        return new Barrier() {
            @Override
            public void commit(Map<Path, List<Item>> renamedInto) {
                renamedInto.forEach((dir, renamed) -> {
                    try {
                        force.force(dir);
                    } catch (StoreException e) {
                        renamed.forEach(item -> item.failure = e);
                    }
                });
            }

            @Override
            public boolean forcesEachFile() {
                return true;
            }
        };
    }

    /**
     * One {@code syncfs} a step, shared with whoever else syncs the file system meanwhile.
     *
     * @param since taken before the batch's first temp file was written
     */
    static Barrier fileSystem(FileSystemSync sync, FileSystemSync.Mark since) {
        return new Barrier() {
            @Override
            public void commit(Map<Path, List<Item>> renamedInto) {
                if (renamedInto.isEmpty()) {
                    return;
                }
                try {
                    sync.sync(since);
                } catch (IOException e) {
                    StoreException failure = FileFailures.unavailable(
                            "sync", renamedInto.keySet().iterator().next(), e);
                    renamedInto.values().forEach(renamed -> renamed.forEach(item -> item.failure = failure));
                }
            }

            @Override
            public boolean forcesEachFile() {
                return false;
            }
        };
    }

    /** One object of the batch, staged in temp files; failed from the first step that refused it. */
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

    /** How a put's bytes reach a temp file once its key is checked: forced to disk or not. */
    @FunctionalInterface
    interface Stage {
        AtomicFiles.Written stage(ObjectPut put, boolean force) throws StoreException;
    }

    /**
     * Stages every put, then places them under the lock of every key; a key that comes twice is
     * stored the first time and refused the second, as two puts in turn would be.
     */
    List<PutOutcome> putAll(List<ObjectPut> puts, Barrier barrier, Stage stage, KeyLocks locks) {
        PutOutcome[] outcomes = new PutOutcome[puts.size()];
        List<Item> staged = new ArrayList<>(puts.size());
        Set<ObjectKey> keys = new HashSet<>();
        try {
            for (int i = 0; i < puts.size(); i++) {
                ObjectPut put = puts.get(i);
                try {
                    if (keys.contains(put.key())) {
                        throw new ObjectExistsException(put.key() + " is put twice in one batch");
                    }
                    staged.add(new Item(i, put, stage.stage(put, barrier.forcesEachFile())));
                    keys.add(put.key());
                } catch (StoreException e) {
                    outcomes[i] = PutOutcome.failed(put, e);
                }
            }
            locks.lockedAll(keys, () -> place(staged, barrier));
            staged.forEach(item -> outcomes[item.index()] = item.outcome());
        } finally {
            staged.forEach(Item::deleteTemps);
        }
        return Arrays.asList(outcomes);
    }

    /** Places the staged objects; each item's outcome says what became of it. */
    void place(List<Item> items, Barrier barrier) {
        Map<Path, List<Item>> dataDirs = new LinkedHashMap<>();
        for (Item item : items) {
            item.attempt(() -> {
                item.metadataTemp = files.stageMetadata(item.info(), barrier.forcesEachFile());
                files.refuseExisting(item.put.key());
                Path data = layout.data(item.put.key());
                ObjectFiles.rename(item.written.temp(), data);
                dataDirs.computeIfAbsent(data.getParent(), dir -> new ArrayList<>())
                        .add(item);
            });
        }
        barrier.commit(dataDirs);
        Map<Path, List<Item>> metaDirs = new LinkedHashMap<>();
        for (Item item : items) {
            item.attempt(() -> {
                Path meta = layout.metadata(item.put.key());
                ObjectFiles.rename(item.metadataTemp, meta);
                metaDirs.computeIfAbsent(meta.getParent(), dir -> new ArrayList<>())
                        .add(item);
            });
        }
        barrier.commit(metaDirs);
    }
}
