package org.callgate.store.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.callgate.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns file-system failures into the store's own exceptions, naming the path and the reason. A
 * failing disk, a full one or a lost mount are all "try again later" to the caller (the uploader
 * keeps the recording in its spool meanwhile), so they become {@link StoreUnavailableException}.
 */
final class FileFailures {

    private static final Logger LOG = LoggerFactory.getLogger(FileFailures.class);

    private FileFailures() {}

    /** "cannot {@code doing} {@code path}: reason". */
    static StoreUnavailableException unavailable(String doing, Path path, IOException e) {
        return new StoreUnavailableException("cannot " + doing + " " + path + ": " + reason(e), e);
    }

    /** The exception's kind and message: {@code NoSuchFileException} alone says little. */
    static String reason(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.warn("cannot close {}: {}", closeable, reason(e));
        }
    }
}
