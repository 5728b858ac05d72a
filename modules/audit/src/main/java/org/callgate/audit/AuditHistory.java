package org.callgate.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the audit log's entries back, newest first (R11), for those who audit the auditors: the
 * web API pages through the log and finds the purge reports in it. Reading only, while the log is
 * appended to: a last line still being written (no newline yet) is not an entry yet and is left
 * out; a line that cannot be read is left out too, since the verifier ({@link AuditVerifier})
 * is the one that names it.
 */
public final class AuditHistory {

    private AuditHistory() {}

    /** Entries with a seq below {@code before}, newest first, at most {@code limit}. */
    public static List<AuditEntry> before(Path directory, long before, int limit) throws IOException {
        return matching(directory, entry -> entry.seq() < before, limit);
    }

    /** Entries that {@code wanted} accepts, newest first, at most {@code limit}. */
    public static List<AuditEntry> matching(Path directory, Predicate<AuditEntry> wanted, int limit)
            throws IOException {
        List<AuditEntry> found = new ArrayList<>();
        List<Path> segments = Segments.list(directory);
        for (int s = segments.size() - 1; s >= 0 && found.size() < limit; s--) {
            List<byte[]> lines = Segments.read(segments.get(s)).lines();
            for (int i = lines.size() - 1; i >= 0 && found.size() < limit; i--) {
                AuditEntry entry = entry(lines.get(i));
                if (entry != null && wanted.test(entry)) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    private static AuditEntry entry(byte[] line) {
        try {
            return AuditLines.decode(line).entry();
        } catch (AuditLines.MalformedLineException e) {
            return null;
        }
    }
}
