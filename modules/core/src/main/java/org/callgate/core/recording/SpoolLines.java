package org.callgate.core.recording;

import java.util.Arrays;

/**
 * The line format of a recording's spool entry ({@code <callId>.json}): a journal of its states,
 * one JSON object per line, appended as the recording starts and ends. The recording module
 * writes it and the retention module's spool purge reads it, and neither may use the other, so the
 * format lives here.
 *
 * <p>The entry is the last complete line. A line is complete once its newline is written: a crash
 * in the middle of an append leaves a tail without one, which is ignored, and every line after the
 * first is written after a newline of its own, so that it never continues a tail cut short. A file
 * with no newline at all is an entry of an earlier version, one object written whole.
 */
public final class SpoolLines {

    private static final byte NEWLINE = '\n';

    private SpoolLines() {}

    /** The first line of an entry: the JSON and its newline. */
    public static byte[] first(byte[] json) {
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = NEWLINE;
        return line;
    }

    /** A later line: a newline, the JSON, a newline. */
    public static byte[] next(byte[] json) {
        byte[] line = new byte[json.length + 2];
        line[0] = NEWLINE;
        System.arraycopy(json, 0, line, 1, json.length);
        line[line.length - 1] = NEWLINE;
        return line;
    }

    /** The entry's current state: its last complete, non-blank line, without the newline. */
    public static byte[] last(byte[] entry) {
        int end = lastIndexOf(entry, entry.length - 1);
        if (end < 0) {
            return entry; // one object, no newline: an earlier version's entry
        }
        while (end >= 0) {
            int start = lastIndexOf(entry, end - 1) + 1;
            if (!isBlank(entry, start, end)) {
                return Arrays.copyOfRange(entry, start, end);
            }
            end = start - 1;
        }
        return new byte[0];
    }

    private static int lastIndexOf(byte[] bytes, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == NEWLINE) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\r' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
