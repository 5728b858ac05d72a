package org.callgate.store;

/**
 * Bytes {@code first} to {@code last} of an object, both included, as in an HTTP {@code Range}
 * header (RFC 9110 §14.1.2); {@code last} = {@link Long#MAX_VALUE} reads to the end. Used to play
 * part of a long recording without fetching all of it.
 */
public record ByteRange(long first, long last) {

    public static final ByteRange ALL = new ByteRange(0, Long.MAX_VALUE);

    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad byte range " + first + "-" + last);
        }
    }

    /** From {@code first} to the end. */
    public static ByteRange from(long first) {
        return new ByteRange(first, Long.MAX_VALUE);
    }

    /** The number of bytes this range takes from an object of {@code size} bytes (0 when beyond it). */
    public long lengthIn(long size) {
        if (first >= size) {
            return 0;
        }
        return Math.min(last, size - 1) - first + 1;
    }
}
