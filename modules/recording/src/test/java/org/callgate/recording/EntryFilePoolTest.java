package org.callgate.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryFilePoolTest {

    @TempDir
    Path spool;

    @Test
    void aRecycledEntryFileIsEmptiedAndBecomesTheNextEntryWithTheSameInode() throws Exception {
        EntryFilePool pool = new EntryFilePool(spool);
        Path first = spool.resolve("call-1.json");
        assertThat(pool.create(first)).isFalse();
        Files.writeString(first, "{\"callId\":\"call-1\"}\n");
        Object inode = Files.getAttribute(first, "unix:ino");

        pool.recycle(first);
        Path second = spool.resolve("call-2.json");

        assertThat(first).doesNotExist();
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.create(second)).isTrue();
        assertThat(second).isEmptyFile();
        assertThat(Files.getAttribute(second, "unix:ino")).isEqualTo(inode);
        assertThat(pool.size()).isZero();
    }

    @Test
    void aFullPoolDeletesWhatItCannotKeep() throws Exception {
        EntryFilePool pool = new EntryFilePool(spool);
        for (int i = 0; i <= EntryFilePool.CAPACITY; i++) {
            pool.create(spool.resolve("call-" + i + ".json"));
        }
        for (int i = 0; i <= EntryFilePool.CAPACITY; i++) {
            pool.recycle(spool.resolve("call-" + i + ".json"));
        }

        assertThat(pool.size()).isEqualTo(EntryFilePool.CAPACITY);
        assertThat(spool.resolve(EntryFilePool.DIRECTORY).toFile().list()).hasSize(EntryFilePool.CAPACITY);
        assertThat(spool.toFile().list()).containsExactly(EntryFilePool.DIRECTORY);
    }

    @Test
    void theNextRunTakesInTheEmptyFilesAndDropsAnyOther() throws Exception {
        EntryFilePool earlier = new EntryFilePool(spool);
        for (int i = 0; i < 3; i++) {
            earlier.create(spool.resolve("call-" + i + ".json"));
        }
        for (int i = 0; i < 3; i++) {
            earlier.recycle(spool.resolve("call-" + i + ".json"));
        }
        Path stray = Files.writeString(spool.resolve(EntryFilePool.DIRECTORY).resolve("stray.entry"), "not empty");

        EntryFilePool next = new EntryFilePool(spool);

        assertThat(next.size()).isEqualTo(3);
        assertThat(stray).doesNotExist();
        Path entry = spool.resolve("call-9.json");
        assertThat(next.create(entry)).isTrue();
        next.recycle(entry);
        assertThat(spool.resolve(EntryFilePool.DIRECTORY).toFile().list()).hasSize(3);
    }
}
