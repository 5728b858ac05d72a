package org.callgate.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local, append-only audit log (R11): one hash-chained JSON line per entry ({@link AuditLines})
 * in segment files under one directory. Every purge (R1-R8, R14), legal hold (R19), configuration
 * load and read of a dossier or recording is appended here.
 *
 * <p><b>Durable before acknowledged.</b> {@link #append} writes the line and its newline in one
 * write and forces it to disk ({@code FileChannel.force}) before it returns, under the log's lock:
 * one fsync per entry, no group commit, since audit entries come at the pace of agents' reads, not
 * of packets. An append that fails leaves the log unusable until it is opened again, because the
 * file may then hold part of a line.
 *
 * <p><b>A torn last line.</b> A crash during an append can leave the active segment ending without
 * a newline. That entry was never acknowledged (the newline is written with it, the fsync comes
 * after), so opening the log moves the partial bytes to {@code segment-N.jsonl.torn-OFFSET-K}, logs
 * a warning, and cuts the segment back to its last complete line. A complete last line whose hash
 * does not match is not repaired: opening fails, and {@code callgate audit verify} names it.
 *
 * <p><b>Segments.</b> The active segment is sealed, and the next one created, once it holds {@code
 * maxSegmentBytes} or its first entry is {@code maxSegmentAge} old ({@link #sealIfDue()}, also
 * checked at each append); {@link AuditArchive} then stores the sealed ones. Sealed segments stay
 * here: the verifier walks the whole chain from the first entry. Thread-safe.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Settings settings;
    private final Clock clock;
    private long active;
    private FileChannel channel;
    private long size;
    private Instant firstInActive;
    private AuditEntry last;
    private String prev = AuditLines.GENESIS;
    private boolean usable = true;

    /**
     * Where the log lives and when a segment is sealed.
     *
     * @param directory the segments' directory, created when missing
     * @param maxSegmentBytes seal once the active segment holds this many bytes
     * @param maxSegmentAge seal once the active segment's first entry is this old
     */
    public record Settings(Path directory, long maxSegmentBytes, Duration maxSegmentAge) {

        public Settings {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(maxSegmentAge, "maxSegmentAge");
            if (maxSegmentBytes < 1 || maxSegmentAge.isNegative() || maxSegmentAge.isZero()) {
                throw new IllegalArgumentException("a segment's size and age limits are positive");
            }
        }

        /** Segments of at most 16 MiB and one day. */
        public static Settings in(Path directory) {
            return new Settings(directory, 16L << 20, Duration.ofDays(1));
        }
    }

    private AuditLog(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens the log in {@code settings.directory()}, creating it when missing, and repairs a torn
     * last line (see the class comment).
     *
     * @throws IOException when the directory cannot be used, or the last complete entry is damaged
     */
    public static AuditLog open(Settings settings, Clock clock) throws IOException {
        AuditLog log = new AuditLog(settings, clock);
        log.recover();
        return log;
    }

    /**
     * Appends an entry and returns its seq once it is on disk.
     *
     * @param action what happened, e.g. {@link AuditActions#PURGE}
     * @param actor who did it
     * @param details JSON values (strings, numbers, booleans, lists, maps) without personal data
     * @throws IOException when the entry could not be made durable; it may not be in the log
     */
    public synchronized long append(String action, String actor, Map<String, ?> details) throws IOException {
        ensureUsable();
        Instant now = clock.instant();
        if (ageDue(now)) {
            roll();
        }
        AuditLines.Line line = AuditLines.encode(last == null ? 1 : last.seq() + 1, now, action, actor, details, prev);
        ByteBuffer bytes = ByteBuffer.allocate(line.bytes().length + 1)
                .put(line.bytes())
                .put((byte) '\n')
                .flip();
        try {
            Segments.writeFully(channel, bytes);
            channel.force(false);
        } catch (IOException e) {
            usable = false;
            throw new IOException("audit entry " + line.entry().seq() + " not written; open the log again", e);
        }
        accept(line, bytes.limit());
        if (size >= settings.maxSegmentBytes()) {
            roll();
        }
        return line.entry().seq();
    }

    /** Seals the active segment when it is full or old enough; returns whether it did. */
    public synchronized boolean sealIfDue() throws IOException {
        ensureUsable();
        if (size > 0 && (size >= settings.maxSegmentBytes() || ageDue(clock.instant()))) {
            roll();
            return true;
        }
        return false;
    }

    /** Seals the active segment now, unless it is empty; returns whether it did. */
    public synchronized boolean seal() throws IOException {
        ensureUsable();
        if (size == 0) {
            return false;
        }
        roll();
        return true;
    }

    /** The sealed segments, oldest first: every segment but the active one. */
    public synchronized List<Path> sealedSegments() throws IOException {
        return Segments.list(settings.directory()).stream()
                .filter(segment -> Segments.number(segment) < active)
                .toList();
    }

    /** The last entry appended, the chain's head; empty while the log has none. */
    public synchronized Optional<AuditEntry> head() {
        return Optional.ofNullable(last);
    }

    public Path directory() {
        return settings.directory();
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null && channel.isOpen()) {
            channel.close();
        }
        usable = false;
    }

    private void recover() throws IOException {
        Files.createDirectories(settings.directory());
        List<Path> segments = Segments.list(settings.directory());
        if (segments.isEmpty()) {
            Path first = settings.directory().resolve(Segments.name(1));
            Segments.create(first);
            segments = List.of(first);
        }
        Path current = segments.getLast();
        active = Segments.number(current);
        Segments.Content content = repairTorn(current);
        for (int i = segments.size() - 1; i >= 0 && last == null; i--) {
            Segments.Content lines = i == segments.size() - 1 ? content : Segments.read(segments.get(i));
            if (!lines.lines().isEmpty()) {
                AuditLines.Line line = lastLine(segments.get(i), lines.lines());
                last = line.entry();
                prev = line.sha256();
            }
        }
        firstInActive = content.lines().isEmpty() ? null : firstTime(current, content.lines());
        channel = Segments.append(current);
        size = channel.size();
    }

    private Segments.Content repairTorn(Path segment) throws IOException {
        Segments.Content content = Segments.read(segment);
        if (content.torn() == null) {
            return content;
        }
        long offset = Files.size(segment) - content.torn().length;
        Path kept = tornFile(segment, offset);
        Segments.writeDurably(kept, content.torn());
        Segments.truncate(segment, offset);
        LOG.warn(
                "audit log {}: the last line was cut by a crash during its append (never acknowledged); its {}"
                        + " bytes are kept in {} and the segment ends at its last complete line",
                segment,
                content.torn().length,
                kept.getFileName());
        return new Segments.Content(content.lines(), null);
    }

    private static Path tornFile(Path segment, long offset) {
        for (int k = 1; ; k++) {
            Path candidate = segment.resolveSibling(segment.getFileName() + ".torn-" + offset + "-" + k);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    private static AuditLines.Line lastLine(Path segment, List<byte[]> lines) throws IOException {
        return decodeOrFail(segment, lines.size(), lines.getLast());
    }

    private static Instant firstTime(Path segment, List<byte[]> lines) throws IOException {
        return decodeOrFail(segment, 1, lines.getFirst()).entry().time();
    }

    private static AuditLines.Line decodeOrFail(Path segment, int lineNumber, byte[] line) throws IOException {
        try {
            return AuditLines.decode(line);
        } catch (AuditLines.MalformedLineException e) {
            throw new IOException("the audit log is damaged at " + segment + " line " + lineNumber + ": "
                    + e.getMessage() + "; not appending to a broken chain (run: callgate audit verify)");
        }
    }

    private void accept(AuditLines.Line line, int written) {
        last = line.entry();
        prev = line.sha256();
        size += written;
        if (firstInActive == null) {
            firstInActive = last.time();
        }
    }

    private boolean ageDue(Instant now) {
        return firstInActive != null && !now.isBefore(firstInActive.plus(settings.maxSegmentAge()));
    }

    private void roll() throws IOException {
        Path next = settings.directory().resolve(Segments.name(active + 1));
        try {
            channel.force(true);
            channel.close();
            Segments.create(next);
            channel = Segments.append(next);
        } catch (IOException e) {
            usable = false;
            throw new IOException("cannot seal " + Segments.name(active) + "; open the log again", e);
        }
        active++;
        size = 0;
        firstInActive = null;
        LOG.debug("audit log: sealed {}, appending to {}", Segments.name(active - 1), next.getFileName());
    }

    private void ensureUsable() throws IOException {
        if (!usable) {
            throw new IOException("the audit log at " + settings.directory() + " is closed");
        }
    }
}
