package org.callgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native calls themselves: a refusal comes back as an IOException naming the call, the path and errno. */
class SyncfsTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryIsOpenedAndItsFileSystemSynced() throws Exception {
        int fd = Syncfs.open(dir);

        assertThat(fd).isNotNegative();
        Syncfs.sync(fd, dir);
    }

    @Test
    void aPathThatCannotBeOpenedIsRefusedWithTheSystemsReason() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> Syncfs.open(missing))
                .isInstanceOf(IOException.class)
                .hasMessage("open of " + missing + " failed: No such file or directory (errno 2)");
    }

    @Test
    void aSyncThroughABadDescriptorIsRefusedWithTheSystemsReason() {
        assertThatThrownBy(() -> Syncfs.sync(-1, dir))
                .isInstanceOf(IOException.class)
                .hasMessage("syncfs of " + dir + " failed: Bad file descriptor (errno 9)");
    }
}
