package org.callgate.store.file;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callgate.store.ObjectKey;
import org.callgate.store.StoreException;

/**
 * Where the file store keeps what: {@code objects/<key>} the bytes, {@code meta/<key>.json} the
 * attributes, {@code tmp/} the files being written, {@code store.lock} the lock that keeps a second
 * process out. Every path of a key is checked to stay inside its directory, although {@link
 * ObjectKey} already forbids {@code ..}: a key must never reach a file outside the root.
 */
final class StoreLayout {

    static final String METADATA_SUFFIX = ".json";
    /** Bytes in a file name on ext4, XFS and most others; key segments are ASCII, one byte a character. */
    private static final int MAX_FILE_NAME = 255;

    private final Path root;
    private final Path objects;
    private final Path meta;
    private final Path tmp;

    StoreLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.objects = this.root.resolve("objects");
        this.meta = this.root.resolve("meta");
        this.tmp = this.root.resolve("tmp");
    }

    /** Creates the root and its directories where missing. */
    void create() throws IOException {
        for (Path dir : List.of(objects, meta, tmp)) {
            Files.createDirectories(dir);
        }
    }

    Path root() {
        return root;
    }

    Path tmp() {
        return tmp;
    }

    Path lockFile() {
        return root.resolve("store.lock");
    }

    /** The file holding the key's bytes. */
    Path data(ObjectKey key) throws StoreException {
        return inside(objects, key.value());
    }

    /** The file holding the key's attributes; the object exists exactly when this file does. */
    Path metadata(ObjectKey key) throws StoreException {
        return inside(meta, key.value() + METADATA_SUFFIX);
    }

    private static Path inside(Path dir, String relative) throws StoreException {
        Path path = dir.resolve(relative).normalize();
        if (!path.startsWith(dir) || path.equals(dir)) {
            throw new StoreException("object key " + relative + " leads outside " + dir);
        }
        return path;
    }

    /**
     * Why {@code key} cannot be stored here, if it cannot: a segment too long for a file name, or a
     * name taken, since a file system holds a file or a directory under one name, so {@code a} and
     * {@code a/b} cannot both be keys. Both are permanent, unlike a failing disk.
     */
    Optional<String> whyUnstorable(ObjectKey key) throws StoreException {
        for (String segment : key.value().split("/")) {
            if (segment.length() + METADATA_SUFFIX.length() > MAX_FILE_NAME) {
                return Optional.of("segment " + segment + " is longer than a file name may be");
            }
        }
        for (Path target : List.of(data(key), metadata(key))) {
            if (Files.isDirectory(target)) {
                return Optional.of(target + " is a directory of longer keys");
            }
            if (Files.isDirectory(target.getParent())) {
                continue; // the usual case, one look: no file can be the ancestor of a directory
            }
            for (Path dir = target.getParent(); !dir.equals(objects) && !dir.equals(meta); dir = dir.getParent()) {
                if (Files.exists(dir) && !Files.isDirectory(dir)) {
                    return Optional.of(dir + " is the file of a shorter key");
                }
            }
        }
        return Optional.empty();
    }

    /** The keys whose metadata exists and that start with {@code prefix}, in ascending order. */
    List<ObjectKey> list(String prefix) throws IOException {
        Optional<Path> start = listStart(prefix);
        if (start.isEmpty()) {
            return List.of();
        }
        List<ObjectKey> keys = new ArrayList<>();
        Files.walkFileTree(start.get(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                keyOf(file).filter(key -> key.value().startsWith(prefix)).ifPresent(keys::add);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted while we walked: no longer listed
                }
                throw e;
            }
        });
        keys.sort(null);
        return keys;
    }

    /**
     * The directory under {@code meta} that holds every key starting with {@code prefix}: the part
     * up to its last slash. That part is itself a valid key when any key can match, so a prefix
     * such as {@code ../x/} matches nothing instead of walking outside the root.
     */
    private Optional<Path> listStart(String prefix) {
        int slash = prefix.lastIndexOf('/');
        if (slash < 0) {
            return Optional.of(meta);
        }
        try {
            return Optional.of(
                    inside(meta, ObjectKey.of(prefix.substring(0, slash)).value()));
        } catch (IllegalArgumentException | StoreException noKeyCanMatch) {
            return Optional.empty();
        }
    }

    /** The key a metadata file describes, or empty for a file that is no key's metadata. */
    private Optional<ObjectKey> keyOf(Path file) {
        String name = meta.relativize(file).toString().replace(File.separatorChar, '/');
        if (!name.endsWith(METADATA_SUFFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ObjectKey.of(name.substring(0, name.length() - METADATA_SUFFIX.length())));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }
}
