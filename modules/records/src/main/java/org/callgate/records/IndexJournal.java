package org.callgate.records;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
 */
final class IndexJournal implements AutoCloseable {

    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".log";

    private final Path dir;
    private long active;
    private FileChannel channel;

    IndexJournal(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.active = segments().stream().mapToLong(IndexJournal::number).max().orElse(0) + 1;
        this.channel = open(active);
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
                    .sorted(java.util.Comparator.comparingLong(IndexJournal::number)).toList();
        }
    }

    private FileChannel open(long number) throws IOException {
        return FileChannel.open(dir.resolve(PREFIX + number + SUFFIX), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
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
