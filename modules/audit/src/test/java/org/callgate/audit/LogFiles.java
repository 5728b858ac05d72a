package org.callgate.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and tampers with segment files the way someone with a shell on the host could. */
final class LogFiles {

    private LogFiles() {}

    static Path segment(Path dir, int number) {
        return dir.resolve("segment-%06d.jsonl".formatted(number));
    }

    static List<String> lines(Path segment) throws IOException {
        return Files.readAllLines(segment, UTF_8);
    }

    static void write(Path segment, List<String> lines) throws IOException {
        Files.writeString(segment, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", UTF_8);
    }

    /** Replaces line {@code number} (from 1) by {@code edit}'s result. */
    static void editLine(Path segment, int number, java.util.function.UnaryOperator<String> edit) throws IOException {
        List<String> lines = new ArrayList<>(lines(segment));
        lines.set(number - 1, edit.apply(lines.get(number - 1)));
        write(segment, lines);
    }

    static void deleteLine(Path segment, int number) throws IOException {
        List<String> lines = new ArrayList<>(lines(segment));
        lines.remove(number - 1);
        write(segment, lines);
    }

    static void swapLines(Path segment, int first, int second) throws IOException {
        List<String> lines = new ArrayList<>(lines(segment));
        java.util.Collections.swap(lines, first - 1, second - 1);
        write(segment, lines);
    }

    static void keepFirstLines(Path segment, int count) throws IOException {
        write(segment, lines(segment).subList(0, count));
    }

    /**
     * Rewrites the segment as a chain that is valid on its own: each entry re-hashed and linked to
     * the one before, with {@code detail} added to every entry from line {@code from} on. Only
     * the copies in the store can tell it from the original.
     */
    static void forgeFrom(Path segment, String prevOfFirst, int from, String detail) throws IOException {
        List<String> forged = new ArrayList<>();
        String prev = prevOfFirst;
        List<String> lines = lines(segment);
        for (int i = 0; i < lines.size(); i++) {
            AuditEntry entry = decode(lines.get(i));
            Map<String, Object> details = new java.util.TreeMap<>(entry.details());
            if (i + 1 >= from) {
                details.put("forged", detail);
            }
            AuditLines.Line line =
                    AuditLines.encode(entry.seq(), entry.time(), entry.action(), entry.actor(), details, prev);
            forged.add(new String(line.bytes(), UTF_8));
            prev = line.sha256();
        }
        write(segment, forged);
    }

    static AuditEntry decode(String line) {
        try {
            return AuditLines.decode(line.getBytes(UTF_8)).entry();
        } catch (AuditLines.MalformedLineException e) {
            throw new AssertionError("not an intact line: " + line, e);
        }
    }
}
