package org.callgate.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.callgate.app.config.StoreConfig;

/**
 * How {@code callgate drain} and a running {@code callgate serve} talk (ADR 0017): two small files
 * in the node's state directory, beside the spool, where the user file, the audit log and the
 * index are, so that one {@code --config} names them all.
 *
 * <ul>
 *   <li>{@value #REQUEST}: its presence asks the node to drain, and keeps it draining, across a
 *       restart too, until it is deleted. The command writes who asked, when, and an id; a file
 *       made by hand ({@code touch}) is a request as well.
 *   <li>{@value #STATUS}: the gateway's answer, rewritten (atomically) whenever it changes: serving,
 *       draining or stopped, the calls in progress, and the id of the request it is draining for.
 * </ul>
 *
 * <p>Both are {@code key=value} lines, so that a script or a monitoring agent can read them too.
 */
final class DrainFiles {

    static final String REQUEST = "drain.request";
    static final String STATUS = "drain.status";

    final Path request;
    final Path status;

    private DrainFiles(Path dir) {
        this.request = dir.resolve(REQUEST);
        this.status = dir.resolve(STATUS);
    }

    /** The node's files: beside {@code store.spool}, like {@code users.json} and the audit log. */
    static DrainFiles of(StoreConfig store) {
        return new DrainFiles(store.spool().toAbsolutePath().normalize().getParent());
    }

    /** The state directory both files are in. */
    Path dir() {
        return request.getParent();
    }

    /** A drain request: its id (empty when the file was made by hand), who asked and when. */
    record Request(String id, String by, Instant at) {

        static Request read(Path file) throws IOException {
            Map<String, String> lines = lines(file);
            return new Request(lines.getOrDefault("id", ""), lines.get("by"), instant(lines.get("at")));
        }

        void write(Path file) throws IOException {
            Map<String, String> lines = new LinkedHashMap<>();
            lines.put("id", id);
            lines.put("by", by);
            lines.put("at", at.toString());
            DrainFiles.write(file, lines);
        }

        /** {@code by anna at 2026-12-07T10:15:00Z}, or {@code (by hand)}. */
        String describe() {
            return by == null && at == null ? "(a request file made by hand)" : "by " + by + " at " + at;
        }
    }

    /** What the gateway says of itself. */
    enum State {
        SERVING,
        DRAINING,
        STOPPED;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param state serving, draining or stopped
     * @param calls calls in progress (ringing or connected)
     * @param request the id of the request the node drains for, empty when serving
     * @param at when the gateway wrote it
     */
    record Status(State state, int calls, String request, Instant at) {

        /** The same, ignoring when it was written: whether it is news worth writing. */
        boolean sameAs(Status other) {
            return other != null && state == other.state && calls == other.calls && request.equals(other.request);
        }

        static Optional<Status> read(Path file) throws IOException {
            Map<String, String> lines;
            try {
                lines = lines(file);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Status(
                        State.valueOf(lines.getOrDefault("state", "").toUpperCase(java.util.Locale.ROOT)),
                        Integer.parseInt(lines.getOrDefault("calls", "0")),
                        lines.getOrDefault("request", ""),
                        instant(lines.get("at"))));
            } catch (IllegalArgumentException unreadable) {
                return Optional.empty();
            }
        }

        void write(Path file) throws IOException {
            Map<String, String> lines = new LinkedHashMap<>();
            lines.put("state", state.word());
            lines.put("calls", Integer.toString(calls));
            lines.put("request", request);
            lines.put("at", at.toString());
            DrainFiles.write(file, lines);
        }
    }

    private static Map<String, String> lines(Path file) throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                lines.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return lines;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whole or not at all: a reader never sees half a file (written beside it, then moved over it). */
    private static void write(Path file, Map<String, String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            // Neither file holds anything secret: readable by a monitoring agent, and by a gateway
            // running as another user than the one who asked for the drain.
            if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
