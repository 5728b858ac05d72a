package org.callgate.retention;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A rename or a deletion is durable only once its directory is forced (as Lucene's FSDirectory does). */
final class Directories {

    private static final Logger LOG = LoggerFactory.getLogger(Directories.class);

    private Directories() {}

    static void sync(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Some platforms cannot open a directory; the files themselves are on disk already.
            LOG.debug("cannot sync directory {}: {}", dir, notSupported.toString());
        }
    }
}
