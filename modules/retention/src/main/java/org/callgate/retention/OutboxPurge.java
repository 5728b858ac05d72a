package org.callgate.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.callgate.sms.OutboxLock;

/**
 * Removes from the SMS outbox (R9) the messages older than the call trace's retention (R1): each
 * line holds the caller's number ({@code to}), so it may not outlive the trace the SMS offer
 * belongs to. A line goes when its {@code createdAt} (ISO-8601 UTC) plus {@code keep} is at or
 * before {@code now}; every other line stays byte for byte and in order. A line that is not JSON
 * or has no readable {@code createdAt} (say one cut short by a crash) is kept and reported: what
 * cannot be dated is never deleted.
 *
 * <p>The outbox is rewritten, never edited in place: the kept lines go to a temporary file in the
 * same directory, which is forced to disk and then moved over the outbox atomically, so a crash
 * leaves either the old outbox or the new one. The sender ({@code OutboxSmsSender}) opens the
 * outbox anew for each line, which it writes and forces at the end of the file; had it opened it
 * while the purge was copying, its line would go into the replaced file and be lost. So both take
 * the outbox's lock ({@code <outbox>.lock}, see {@link OutboxLock}) around the whole of their
 * work: a send waits while the purge reads, copies and moves, and then opens the new outbox. The
 * lock is a file lock, so this holds whether the purge runs in the gateway or in a process of its
 * own. A relay that removes handled lines must take the same lock.
 */
public final class OutboxPurge implements LocalPurge {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final byte NEWLINE = '\n';

    private final Path outbox;
    private final Period keep;

    /** A purge of {@code outbox} keeping each message {@code keep} from its creation (R1: the trace's). */
    public OutboxPurge(Path outbox, Period keep) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.keep = Objects.requireNonNull(keep, "keep");
    }

    @Override
    public Outcome purge(Instant now, boolean dryRun) throws IOException {
        if (!Files.exists(outbox)) {
            return new Outcome(what(), 0, 0, "no outbox");
        }
        try (OutboxLock held = OutboxLock.acquire(outbox)) {
            return purgeLocked(now, dryRun);
        } catch (NoSuchFileException gone) {
            return new Outcome(what(), 0, 0, "no outbox");
        }
    }

    /**
     * Removes the messages {@code erased} picks (a data subject's, R12) now, whatever their date,
     * under the outbox's lock and by the same atomic rewrite; returns how many went.
     *
     * @param erased given each message as JSON; a line that is not JSON is kept
     */
    public long erase(Predicate<JsonNode> erased) throws IOException {
        if (!Files.exists(outbox)) {
            return 0;
        }
        try (OutboxLock held = OutboxLock.acquire(outbox)) {
            return rewrite(line -> line.map(erased::test).orElse(false), false).removed();
        } catch (NoSuchFileException gone) {
            return 0;
        }
    }

    private Outcome purgeLocked(Instant now, boolean dryRun) throws IOException {
        return rewrite(
                line -> line.flatMap(OutboxPurge::createdAt)
                        .map(created -> Expiry.due(created, keep, now))
                        .orElse(false),
                dryRun);
    }

    /** Rewrites the outbox without the lines {@code removed} picks (given each line's JSON, if it is JSON). */
    private Outcome rewrite(Predicate<Optional<JsonNode>> removed, boolean dryRun) throws IOException {
        byte[] content = Files.readAllBytes(outbox);
        ByteArrayOutputStream kept = new ByteArrayOutputStream(content.length);
        long count = 0;
        long dated = 0;
        long undated = 0;
        int start = 0;
        while (start < content.length) {
            int end = lineEnd(content, start);
            byte[] line = Arrays.copyOfRange(content, start, end);
            Optional<JsonNode> json = json(line);
            if (removed.test(json)) {
                count++;
            } else {
                kept.write(content, start, Math.min(end + 1, content.length) - start);
                if (json.flatMap(OutboxPurge::createdAt).isPresent()) {
                    dated++;
                } else if (!isBlank(line)) {
                    undated++;
                }
            }
            start = end + 1;
        }
        if (count > 0 && !dryRun) {
            replace(kept.toByteArray());
        }
        return new Outcome(what(), count, dated + undated, undated == 0 ? "" : undated + " lines without a date kept");
    }

    private static int lineEnd(byte[] content, int start) {
        for (int i = start; i < content.length; i++) {
            if (content[i] == NEWLINE) {
                return i;
            }
        }
        return content.length; // the last line, without its line break (cut short by a crash)
    }

    /** The line as JSON, or empty when it is not an object (say one cut short by a crash). */
    private static Optional<JsonNode> json(byte[] line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** The message's {@code createdAt}, or empty when it has no readable date. */
    private static Optional<Instant> createdAt(JsonNode message) {
        try {
            JsonNode created = message.path("createdAt");
            return created.isTextual() ? Optional.of(Instant.parse(created.textValue())) : Optional.empty();
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** Temporary file beside the outbox, forced, then moved over it; then the directory is forced. */
    private void replace(byte[] kept) throws IOException {
        Path dir = outbox.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, outbox.getFileName() + ".", ".purge.tmp"); // owner-only on POSIX
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(kept);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, outbox, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        Directories.sync(dir);
    }

    private String what() {
        return "sms outbox " + outbox;
    }
}
