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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WAV file of one recording in the spool, the {@link AudioSink} the media layer records into.
 * Every operation is a task on the spool's one I/O thread, so that a slow disk never stalls an
 * event loop, and they run in the order they were submitted: open, appends, end.
 *
 * <p>The audio reaches the file (the page cache) within a few hundred ms of being received, so a
 * crashed or killed process leaves what was recorded up to then; {@link #end} forces it to disk
 * and then hands the recording to its {@link Ending}. After a write error the file takes no more
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
    private final Ending ending;
    private FileChannel channel;
    private long dataBytes;
    private IOException failure;

    SpoolAudio(Path path, Executor io, Ending ending) {
        this.path = path;
        this.io = io;
        this.ending = ending;
        io.execute(this::open);
    }

    @Override
    public void write(byte[] frames) {
        io.execute(() -> append(frames));
    }

    @Override
    public CompletableFuture<RecordedAudio> end(Instant ended, long frames, long lateSamples) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        close();
                        ending.ended(ended, frames, null);
                        return new RecordedAudio(frames, StereoWav.HEADER_BYTES + dataBytes, lateSamples);
                    } catch (IOException e) {
                        ending.ended(ended, frames, e);
                        throw new UncheckedIOException(e);
                    }
                },
                io);
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
