package org.callgate.records;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.callgate.store.ObjectKey;

/**
 * The keys of records on their way into the index, written (and fsynced) before the record is
 * stored. The index is durable only at its commits, so a crash loses what was indexed after the
 * last one; the journal names exactly those records, and the next start indexes them again from
 * the store ({@link RecordWriter#recover()}). A key whose object never reached the store (the
 * crash came first) is skipped then.
 *
 * <p>Segments: keys are appended to the active segment; at a checkpoint it is sealed and a new
 * one started, and sealed segments are deleted once the index has committed what they name.
 * Beside them, {@link #hold held} records: bytes that exist nowhere else until the store has them.
 */
final class IndexJournal implements AutoCloseable {

    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".log";
    private static final String HELD_PREFIX = "held-";
    private static final String HELD_SUFFIX = ".record";

    private final Path dir;
    private long active;
    private FileChannel channel;

    IndexJournal(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.active = segments().stream().mapToLong(IndexJournal::number).max().orElse(0) + 1;
        this.channel = open(active);
    }

    /** Bytes the store does not have yet, kept here until it has them, with the key they go to. */
    record Held(Path file, ObjectKey key, byte[] bytes) {}

    /**
     * Keeps {@code bytes}, bound for {@code key}, on disk (forced, with its directory) until
     * {@link #release}: for records that exist nowhere else until stored, such as a batch of call
     * traces, so that a crash before the store has them leaves them for {@link RecordWriter#recover()}.
     */
    Held hold(ObjectKey key, byte[] bytes) throws IOException {
        // Named after the key: holding the same record again (a retry) replaces it.
        Path file = dir.resolve(HELD_PREFIX + key.value().replace('/', '!') + HELD_SUFFIX);
        byte[] head = (key.value() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (ByteBuffer part : new ByteBuffer[] {ByteBuffer.wrap(head), ByteBuffer.wrap(bytes)}) {
                while (part.hasRemaining()) {
                    out.write(part);
                }
            }
            out.force(true);
        }
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
        return new Held(file, key, bytes);
    }

    void release(Held held) throws IOException {
        Files.deleteIfExists(held.file());
    }

    /** What is held; a file a crash cut short (no key line) is skipped. */
    List<Held> held() throws IOException {
        List<Held> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().startsWith(HELD_PREFIX))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            int newline = indexOf(content, (byte) '\n');
            if (newline > 0) {
                all.add(new Held(
                        file,
                        ObjectKey.of(new String(content, 0, newline, StandardCharsets.UTF_8)),
                        Arrays.copyOfRange(content, newline + 1, content.length)));
            }
        }
        return all;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Appends the keys and forces them to disk, in one write. */
    synchronized void append(List<ObjectKey> keys) throws IOException {
        StringBuilder lines = new StringBuilder();
        keys.forEach(key -> lines.append(key.value()).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    /** Seals the active segment and starts a new one; returns the sealed segments, oldest first. */
    synchronized List<Path> seal() throws IOException {
        channel.close();
        active++;
        channel = open(active);
        return segments().stream().filter(segment -> number(segment) < active).toList();
    }

    /** Every key in every segment, in the order written. */
    synchronized List<ObjectKey> keys() throws IOException {
        List<ObjectKey> keys = new ArrayList<>();
        for (Path segment : segments()) {
            for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    keys.add(ObjectKey.of(line));
                }
            }
        }
        return keys;
    }

    static void delete(List<Path> sealed) throws IOException {
        for (Path segment : sealed) {
            Files.deleteIfExists(segment);
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(PREFIX))
                    .sorted(Comparator.comparingLong(IndexJournal::number))
                    .toList();
        }
    }

    private FileChannel open(long number) throws IOException {
        return FileChannel.open(
                dir.resolve(PREFIX + number + SUFFIX),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
