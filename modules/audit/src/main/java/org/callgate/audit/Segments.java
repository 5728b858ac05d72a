package org.callgate.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The segment files of an audit log directory: {@code segment-000001.jsonl}, {@code
 * segment-000002.jsonl}, ... The highest number is the active segment, every lower one is sealed:
 * sealing creates the next file, so a restart never appends to a sealed segment.
 */
final class Segments {

    private static final Pattern NAME = Pattern.compile("segment-(\\d{6,})\\.jsonl");

    private Segments() {}

    static String name(long number) {
        return String.format(Locale.ROOT, "segment-%06d.jsonl", number);
    }

    /** The segment's number, or -1 when {@code file} is not a segment. */
    static long number(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** The segments in {@code dir}, oldest first; none when there is no such directory. */
    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> number(file) > 0)
                    .sorted(Comparator.comparingLong(Segments::number))
                    .toList();
        }
    }

    /** The lines of a segment, without their newlines; a last line without one is {@code torn}. */
    record Content(List<byte[]> lines, byte[] torn) {}

    static Content read(Path segment) throws IOException {
        return split(Files.readAllBytes(segment));
    }

    static Content split(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        byte[] torn = start < bytes.length ? Arrays.copyOfRange(bytes, start, bytes.length) : null;
        return new Content(lines, torn);
    }

    /** Creates an empty segment and makes its name durable. */
    static void create(Path segment) throws IOException {
        Files.createFile(segment);
        syncDirectory(segment.getParent());
    }

    /** Opens a segment for appending. */
    static FileChannel append(Path segment) throws IOException {
        return FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** Writes {@code bytes} to a new file, forced, with its name. */
    static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(out, ByteBuffer.wrap(bytes));
            out.force(true);
        }
        syncDirectory(file.getParent());
    }

    /** Cuts {@code segment} to {@code size} bytes and forces it. */
    static void truncate(Path segment, long size) throws IOException {
        try (FileChannel out = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            out.truncate(size);
            out.force(true);
        }
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
