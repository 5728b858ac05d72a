package org.callgate.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Another process has the index open for writing: one writer per index, enforced by Lucene's lock file. */
public final class IndexInUseException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    IndexInUseException(Path path, IOException cause) {
        super("index " + path + " is in use by another process", cause);
    }
}
