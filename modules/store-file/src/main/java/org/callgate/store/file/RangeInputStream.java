package org.callgate.store.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;
import org.callgate.store.ByteRange;
import org.callgate.store.ObjectInfo;
import org.callgate.store.StoreException;

/**
 * Exactly {@code length} bytes of a file from {@code first} on, read with positional reads, so a
 * player fetching part of a long recording reads only that part. Closing it closes the channel.
 */
final class RangeInputStream extends InputStream {

    private final FileChannel channel;
    private long position;
    private long remaining;

    private RangeInputStream(FileChannel channel, long first, long length) {
        this.channel = channel;
        this.position = first;
        this.remaining = length;
    }

    /**
     * The bytes of {@code range} in {@code channel}, the open data file of {@code info}; the range
     * is clipped at the end. Only an empty object may be read from its start at its end.
     *
     * @throws StoreException when the range starts beyond the end, or the file's length is not
     *     the size its metadata recorded (cut short or replaced by hand)
     */
    static InputStream over(ObjectInfo info, FileChannel channel, ByteRange range) throws StoreException, IOException {
        long size = channel.size();
        if (size != info.size()) {
            throw new StoreException(
                    "the bytes of " + info.key() + " are " + size + " long, its metadata says " + info.size());
        }
        if (range.first() > 0 && range.first() >= size) {
            throw new StoreException("range " + range.first() + "-" + range.last() + " starts beyond the end of "
                    + info.key() + " (" + size + " bytes)");
        }
        return new RangeInputStream(channel, range.first(), range.lengthIn(size));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        int wanted = (int) Math.min(length, remaining);
        int n = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
        if (n < 0) {
            throw new IOException("file ended " + remaining + " bytes before the range did (truncated?)");
        }
        position += n;
        remaining -= n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, remaining));
        position += skipped;
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(remaining, Integer.MAX_VALUE);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
