package org.callgate.sms;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.callgate.core.sms.SmsException;
import org.callgate.core.sms.SmsMessage;
import org.callgate.core.sms.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues SMS links (R9) in a local file, one JSON object per line (JSON Lines), for a relay or an
 * operator to hand to an SMS gateway: the default sender, since it needs no gateway account and
 * loses nothing while there is none.
 *
 * <p>Each line holds {@code id, callId, to, serviceLine, language, text, createdAt}; {@code to}
 * is in E.164 form and {@code createdAt} in ISO-8601 UTC. {@link #send} returns only once its line
 * is on disk ({@link FileChannel#force}), so a message callgate reported as queued survives a
 * crash. A message id already in the file is not written again: a retried send is harmless.
 *
 * <p>Thread-safe: sends from several calls are serialised by a lock, so lines never interleave.
 * The ids are read when the sender is made and kept in memory, so <b>one</b> callgate process
 * owns a given outbox file. If they cannot be read then (say the disk is not mounted yet), the
 * sender is still made, so that calls keep being answered (R15), and every send tries again
 * first; nothing is written before the ids are known, so no duplicate is written either. A line
 * cut short by a crash is skipped when the ids are read and the next line starts on a fresh line;
 * its message is written again if it is sent again.
 *
 * <p>The file holds phone numbers and texts, personal data (R1, R11): on POSIX file systems it is
 * created readable and writable by its owner only. What reads it must delete what it has handled.
 *
 * <p>Each line is appended under the outbox's file lock ({@link OutboxLock}, {@code <outbox>.lock}),
 * taken before the file is opened: the retention purge rewrites the outbox without its expired
 * lines under the same lock and replaces it by an atomic move, so a line is never written into the
 * file being replaced (R1). Whatever else rewrites the outbox must take that lock too.
 */
public final class OutboxSmsSender implements SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSmsSender.class);
    private static final byte NEWLINE = '\n';
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    /** Ids in the file; {@code null} until they could be read. Guarded by {@link #lock}. */
    private Set<String> written;

    /** A sender appending to {@code file}; its parent directories are created on the first send. */
    public OutboxSmsSender(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        try {
            written = readIds();
        } catch (SmsException e) {
            LOG.error("{}; every SMS send will try again", e.getMessage(), e);
        }
    }

    /** The outbox file. */
    public Path file() {
        return file;
    }

    /**
     * Appends {@code message} as one JSON line and forces it to disk, unless its id is already in
     * the file.
     *
     * @throws SmsException naming the file when it cannot be read or written
     */
    @Override
    public void send(SmsMessage message) throws SmsException {
        byte[] json = SmsJson.toJson(message);
        lock.lock();
        try {
            if (written == null) {
                written = readIds();
            }
            if (written.contains(message.id())) {
                LOG.debug("SMS {} is already in outbox {}; not written again", message.id(), file);
                return;
            }
            append(json);
            written.add(message.id());
        } finally {
            lock.unlock();
        }
        LOG.debug("SMS {} of call {} queued in outbox {}", message.id(), message.callId(), file);
    }

    private Set<String> readIds() throws SmsException {
        Set<String> ids = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Optional<String> id = SmsJson.id(line);
                if (id.isPresent()) {
                    ids.add(id.get());
                } else {
                    // The line may hold a phone number: say where it is, never what it says (R11).
                    LOG.warn("outbox {}: line {} is not a message (cut short by a crash?); skipped", file, number);
                }
            }
        } catch (NoSuchFileException none) {
            return ids;
        } catch (IOException e) {
            throw new SmsException("cannot read SMS outbox " + file + ": " + reason(e), e);
        }
        return ids;
    }

    private void append(byte[] json) throws SmsException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutboxLock held = OutboxLock.acquire(file, ownerOnly())) {
                appendLocked(json, parent);
            }
        } catch (IOException e) {
            throw new SmsException("cannot write SMS outbox " + file + ": " + reason(e), e);
        }
    }

    /** Opens the outbox only under the lock, so it is the file the purge left, not the one it replaced. */
    private void appendLocked(byte[] json, Path parent) throws IOException {
        boolean created = Files.notExists(file);
        try (FileChannel channel = FileChannel.open(
                file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                ownerOnly())) {
            long end = channel.size();
            ByteBuffer line = ByteBuffer.allocate(json.length + 2);
            if (end > 0 && !endsWithNewline(channel, end)) {
                line.put(NEWLINE); // after a line cut short by a crash
            }
            line.put(json).put(NEWLINE).flip();
            while (line.hasRemaining()) {
                end += channel.write(line, end);
            }
            channel.force(true);
        }
        if (created && parent != null) {
            syncDirectory(parent);
        }
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        return channel.read(last, size - 1) == 1 && last.get(0) == NEWLINE;
    }

    private FileAttribute<?>[] ownerOnly() {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }

    /** A new file is durable only once its directory entry is (as Lucene's FSDirectory does). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Some platforms cannot open a directory; the file's own contents are on disk already.
            LOG.debug("cannot sync directory {}: {}", dir, notSupported.toString());
        }
    }

    /** The exception's kind and message: {@code NoSuchFileException} alone says little. */
    private static String reason(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }
}
