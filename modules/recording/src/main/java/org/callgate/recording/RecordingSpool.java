package org.callgate.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callgate.core.recording.RecordingFacts;
import org.callgate.core.recording.SpoolLines;
import org.callgate.store.FileSystemSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local directory where recordings wait for the store: {@code <callId>.wav} (the audio, written
 * as the call goes) and {@code <callId>.json} (its {@link SpoolEntry}). The JSON is written before
 * the first byte of audio, so every WAV in the spool has its facts.
 *
 * <p>The entry file is a journal of the entry's states, one JSON object per line: the started
 * entry when the agent answers, the ended one appended when the audio is on disk. The last
 * complete line is the entry; a line cut short by a crash is ignored. Appending, rather than
 * writing a new file and renaming it over the old one, creates one file per recording instead of
 * three, and leaves no freed inode behind: on a busy gateway, a file system that must skip
 * recently freed inodes before it can hand out a new one (ext4) spends more on that than on the
 * writes themselves. An entry of an earlier version, one object and no newline, reads the same.
 *
 * <p>Both files stay until the uploader has stored and verified the recording: the spool is what
 * makes "nothing is lost" hold across a crash, a full store or an unreachable S3 endpoint. Then
 * the audio goes and the entry file is recycled for a later recording ({@link EntryFilePool},
 * in {@code .free/}).
 */
public final class RecordingSpool {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingSpool.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final EntryFilePool entryFiles;
    private final SpoolSync sync;

    /** A spool that forces each file it finishes. */
    public RecordingSpool(Path dir) throws IOException {
        this(dir, null);
    }

    /**
     * A spool whose finished files are made durable by {@code sync}, a {@code syncfs} of its file
     * system, instead of an fsync each (ADR 0016).
     *
     * @param sync the sync of {@code dir}'s file system, or null to force each file
     */
    public RecordingSpool(Path dir, FileSystemSync sync) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.entryFiles = new EntryFilePool(this.dir);
        this.sync = sync == null ? SpoolSync.eachFile() : SpoolSync.fileSystem(sync);
    }

    /** How this spool makes its files durable. */
    SpoolSync sync() {
        return sync;
    }

    public Path dir() {
        return dir;
    }

    /** Writes the entry of a recording about to start; returns the WAV file for its audio. */
    Path begin(RecordingFacts facts) throws IOException {
        return begin(SpoolEntry.started(facts));
    }

    /** Writes {@code started}, the entry of a recording about to start; returns its WAV file. */
    Path begin(SpoolEntry started) throws IOException {
        Path wav = wavOf(started.callId());
        if (Files.exists(wav) || Files.exists(jsonOf(started.callId()))) {
            throw new IOException("spool already holds a recording of call " + started.callId());
        }
        // Not forced: this runs as the agent answers, on a SIP thread, and an fsync there delays
        // every call behind it. It reaches the disk with the audio, forced at the end (with a sync
        // of the file system, by the same sync); until then a power cut loses the unforced audio
        // as well, and a killed process leaves the page cache, which is all the next start's
        // recovery reads.
        append(started, false);
        return wav;
    }

    /**
     * Records that the recording of {@code started}, the entry {@link #begin} wrote, ended: no need
     * to read back what this process wrote.
     */
    SpoolEntry end(SpoolEntry started, Instant ended, long frames, boolean incomplete) throws IOException {
        SpoolEntry done = started.ended(ended, frames, incomplete);
        append(done, true);
        return done;
    }

    /**
     * The entries a previous run left: ended ones as they are, interrupted ones (no end: the
     * process died while recording) finished now from what reached the disk, marked incomplete.
     */
    List<SpoolEntry> recover() throws IOException {
        List<SpoolEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                String callId = file.getFileName().toString().replaceFirst("\\.json$", "");
                try {
                    if (isRecycledLeftover(callId)) {
                        continue;
                    }
                    entries.add(recoverOne(callId));
                } catch (IOException | RuntimeException e) {
                    LOG.error("spool entry {} cannot be read, left in place for an operator: {}", file, e.toString());
                }
            }
        }
        return entries;
    }

    /**
     * An empty entry file without audio is one a crash caught while it was being recycled or
     * reused, before any fact was written: it goes back to the pool.
     */
    private boolean isRecycledLeftover(String callId) throws IOException {
        if (Files.size(jsonOf(callId)) != 0 || Files.exists(wavOf(callId))) {
            return false;
        }
        entryFiles.recycle(jsonOf(callId));
        return true;
    }

    /**
     * Whether the spool directory {@code dir} holds an entry of {@code callId}: a recording not
     * stored yet. Reads only; a directory that is missing or unusable holds nothing.
     */
    static boolean holds(Path dir, String callId) {
        return Files.isRegularFile(dir.resolve(callId + ".json"));
    }

    Path wavOf(String callId) {
        return dir.resolve(callId + ".wav");
    }

    Path jsonOf(String callId) {
        return dir.resolve(callId + ".json");
    }

    /**
     * Removes both files of an entry that is safely stored: the audio first, then the entry,
     * whose file is recycled ({@link EntryFilePool}).
     */
    void delete(SpoolEntry entry) throws IOException {
        Files.deleteIfExists(wavOf(entry.callId()));
        entryFiles.recycle(jsonOf(entry.callId()));
    }

    /** The entry's last complete state, or empty when it has no file. */
    Optional<SpoolEntry> read(String callId) throws IOException {
        byte[] lines;
        try {
            lines = Files.readAllBytes(jsonOf(callId));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(SpoolLines.last(lines), SpoolEntry.class));
    }

    private SpoolEntry recoverOne(String callId) throws IOException {
        SpoolEntry entry = read(callId).orElseThrow();
        if (entry.isEnded()) {
            return entry;
        }
        long frames = Files.exists(wavOf(callId)) ? StereoWav.repair(wavOf(callId)) : 0;
        Instant ended = entry.answeredAt().plusMillis(frames / 8);
        LOG.warn(
                "call {}: its recording was interrupted after {} ms; storing what was recorded, marked incomplete",
                callId,
                frames / 8);
        SpoolEntry done = entry.ended(ended, frames, true);
        append(done, true);
        return done;
    }

    /**
     * Appends a state of the entry as one line ({@link SpoolLines}). The started state goes to a
     * new, empty file, a recycled one when the pool has one ({@link EntryFilePool}).
     */
    private void append(SpoolEntry entry, boolean force) throws IOException {
        byte[] json = JSON.writeValueAsBytes(entry);
        byte[] line = entry.isEnded() ? SpoolLines.next(json) : SpoolLines.first(json);
        Path file = jsonOf(entry.callId());
        FileSystemSync.Mark mark = force ? sync.mark() : null; // the started line, on a SIP thread, is not forced
        if (!entry.isEnded()) {
            entryFiles.create(file);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force) {
                sync.force(channel, mark);
            }
        }
    }
}
