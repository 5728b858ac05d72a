package org.callgate.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.callgate.core.media.RecordedAudio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool file of one recording, written on the recorders' I/O thread so that a slow disk never
 * stalls an event loop. Every operation is a task on that one thread, so they run in the order
 * they were submitted: open, appends, finish.
 *
 * <p>The audio reaches the file (the page cache) within a few hundred ms of being received, so a
 * crashed or killed process leaves what was recorded up to then; {@link #finish} forces it to
 * disk. After a write error the file takes no more audio and {@code finish} fails: the call goes
 * on, and the caller of {@code stop()} learns the recording is not whole.
 */
final class RecordingFile {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingFile.class);

    private final Path path;
    private final Executor io;
    private FileChannel channel;
    private long dataBytes;
    private IOException failure;

    RecordingFile(Path path, Executor io) {
        this.path = path;
        this.io = io;
        io.execute(this::open);
    }

    void append(byte[] frames) {
        io.execute(() -> write(frames));
    }

    /** Completes once the header has its sizes and the file is forced to disk. */
    CompletableFuture<RecordedAudio> finish(long frames, long lateSamples) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                close();
                return new RecordedAudio(path, frames, StereoWav.HEADER_BYTES + dataBytes, lateSamples);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io);
    }

    private void open() {
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            writeFully(StereoWav.header(0));
        } catch (IOException e) {
            fail(e);
        }
    }

    private void write(byte[] frames) {
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

    private void close() throws IOException {
        if (failure != null) {
            throw failure;
        }
        try (FileChannel c = channel) {
            StereoWav.finish(c, dataBytes);
            c.force(true);
        } finally {
            channel = null;
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
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one reported
            }
            channel = null;
        }
    }
}
