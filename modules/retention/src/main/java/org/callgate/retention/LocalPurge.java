package org.callgate.retention;

import java.io.IOException;
import java.time.Instant;

/**
 * Personal data callgate keeps outside the store, on local disk: the SMS outbox, the CDR files,
 * spool leftovers. Each kind knows how to find what is past its retention and to remove it, so the
 * purge covers every place a caller's number is written (R1, R7, R11).
 */
public interface LocalPurge {

    /** What one local purge removed and kept. */
    record Outcome(String what, long removed, long kept, String note) {}

    /**
     * Removes what is due at {@code now} (only counts it on a dry run). What cannot be dated is kept
     * and counted as kept, with a note saying why.
     */
    Outcome purge(Instant now, boolean dryRun) throws IOException;
}
