package org.callgate.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.callgate.core.media.AudioSink;
import org.callgate.core.media.RecordedAudio;
import org.callgate.store.FileSystemSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WAV file of one recording in the spool, the {@link AudioSink} the media layer records into.
 * Every operation is a task on the spool's one I/O thread, so that a slow disk never stalls an
 * event loop, and they run in the order they were submitted: open, appends, end.
 *
 * <p>The audio reaches the file (the page cache) within a second of being received, so a
 * crashed or killed process leaves what was recorded up to then; {@link #end} writes the WAV
 * header's sizes on the I/O thread, then forces the file to disk and hands the recording to its
 * {@link Ending} on the {@code sync} executor. The fsync waits for the disk; on the one I/O thread
 * it held up every other call's audio behind it, and when many calls ended together their chunks
 * piled up in memory. Several fsyncs at once also let the file system commit its journal for
 * them together. After a write error the file takes no more
 * audio: the call goes on, and the recording is stored as far as it reached the disk, marked
 * incomplete.
 */
final class SpoolAudio implements AudioSink {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolAudio.class);

    /** What happens to a recording once its audio is on disk, whole or not: on the I/O thread. */
    @FunctionalInterface
    interface Ending {
        void ended(Instant ended, long frames, IOException failure);
    }

    private final Path path;
    private final Executor io;
    private final Executor sync;
    private final SpoolSync durability;
    private final FileSystemSync.Mark mark;
    private final Ending ending;
    private FileChannel channel;
    private long dataBytes;
    private IOException failure;

    /**
     * @param durability how the finished file is made durable
     * @param mark taken before the recording's first write, its spool entry's included
     */
    SpoolAudio(Path path, Executor io, Executor sync, SpoolSync durability, FileSystemSync.Mark mark, Ending ending) {
        this.path = path;
        this.io = io;
        this.sync = sync;
        this.durability = durability;
        this.mark = mark;
        this.ending = ending;
        io.execute(this::open);
    }

    @Override
    public void write(byte[] frames) {
        io.execute(() -> append(frames));
    }

    @Override
    public CompletableFuture<RecordedAudio> end(Instant ended, long frames, long lateSamples) {
        return CompletableFuture.supplyAsync(this::finish, io)
                .thenApplyAsync(
                        finished -> {
                            try {
                                force(finished);
                                ending.ended(ended, frames, null);
                                return new RecordedAudio(frames, StereoWav.HEADER_BYTES + dataBytes, lateSamples);
                            } catch (IOException e) {
                                ending.ended(ended, frames, e);
                                throw new UncheckedIOException(e);
                            }
                        },
                        sync);
    }

    private void open() {
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            writeFully(StereoWav.header(0));
        } catch (IOException e) {
            fail(e);
        }
    }

    private void append(byte[] frames) {
        if (channel == null) {
            return;
        }
        try {
            writeFully(ByteBuffer.wrap(frames));
            dataBytes += frames.length;
        } catch (IOException e) {
            fail(e);
        }
    }

    /**
     * On the I/O thread, after every append: the header's sizes, then the file is handed over,
     * still open, to be forced; null with the failure recorded when the file failed before.
     */
    private FileChannel finish() {
        FileChannel c = channel;
        channel = null;
        if (failure == null && c != null) {
            try {
                StereoWav.finish(c, dataBytes);
                return c;
            } catch (IOException e) {
                failure = e;
            }
        }
        closeQuietly(c);
        return null;
    }

    /** Off the I/O thread: forces the finished file to disk and closes it. */
    private void force(FileChannel finished) throws IOException {
        if (finished == null) {
            throw failure != null ? failure : new IOException("recording file " + path + " was never opened");
        }
        durability.forceAndClose(finished, mark);
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one reported
            }
        }
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void fail(IOException e) {
        if (failure == null) {
            LOG.warn("recording file {} cannot be written, the recording stops here: {}", path, e.toString());
            failure = e;
        }
        closeQuietly(channel);
        channel = null;
    }
}
